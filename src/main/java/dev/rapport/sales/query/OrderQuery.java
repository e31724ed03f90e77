package dev.rapport.sales.query;

import dev.rapport.identity.OwnerScope;
import dev.rapport.platform.Cursor;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.sales.OrderStatus;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Order lists: newest first with keyset paging on id, limited to the owners in scope, filtered by
 * customer, status, owner, order-date range and {@code q} (an order number prefix). Filters map to
 * fixed SQL; no user text becomes SQL.
 */
@Component
public class OrderQuery {

    /** A row of an order list. */
    public record OrderRow(long id, String number, long customerId, LocalDate orderDate, String currency, BigDecimal total,
                           BigDecimal paid, String status, long ownerId) {
        public BigDecimal receivable() {
            return OrderStatus.parse(status).isPurchase() ? total.subtract(paid) : BigDecimal.ZERO;
        }
    }

    private final JdbcClient jdbc;

    public OrderQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public CursorPage<OrderRow> list(Map<String, String> filter, OwnerScope scope, String cursor, int limit) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (!scope.isAll()) {
            where.append(" and owner_id in (:owners)");
            params.put("owners", scope.owners());
        }
        longParam(filter, "customerId", "customer_id", where, params);
        longParam(filter, "ownerId", "owner_id", where, params);
        String status = blank(filter.get("status"));
        if (status != null) {
            OrderStatus s = OrderStatus.parse(status);
            if (s == null) {
                throw new InvalidInputException("status", "error.order.status");
            }
            where.append(" and status = :status");
            params.put("status", s.key());
        }
        String q = blank(filter.get("q"));
        if (q != null) {
            where.append(" and number like :q");
            params.put("q", q.toUpperCase().replace("%", "").replace("_", "") + "%");
        }
        dateParam(filter, "from", " and order_date >= :from", where, params);
        dateParam(filter, "to", " and order_date <= :to", where, params);
        String sort = blank(filter.get("sort"));
        if (sort != null && !sort.equals("-id") && !sort.equals("-date")) {
            throw new InvalidInputException("sort", "error.value.invalid");
        }
        boolean byDate = "-date".equals(sort);
        if (cursor != null && !cursor.isBlank()) {
            Cursor c = Cursor.decode(cursor);
            if (byDate) {
                try {
                    params.put("beforeDate", Date.valueOf(LocalDate.parse(c.sortValue())));
                } catch (java.time.format.DateTimeParseException e) {
                    throw new InvalidInputException("cursor", "error.value.invalid");
                }
                where.append(" and (order_date < :beforeDate or (order_date = :beforeDate and id < :before))");
            } else {
                where.append(" and id < :before");
            }
            params.put("before", c.id());
        }
        params.put("limit", limit + 1);
        List<OrderRow> rows = new ArrayList<>(jdbc.sql("""
                        select id, number, customer_id, order_date, currency, total, paid, status, owner_id from sales_orders"""
                        + where + (byDate ? " order by order_date desc, id desc" : " order by id desc") + " limit :limit")
                .params(params)
                .query((rs, n) -> new OrderRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getDate(4).toLocalDate(),
                        rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8), rs.getLong(9)))
                .list());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            OrderRow last = rows.get(limit - 1);
            next = new Cursor(byDate ? last.orderDate().toString() : "", last.id()).encode();
        }
        return new CursorPage<>(rows, next);
    }

    private static void longParam(Map<String, String> filter, String key, String column, StringBuilder where, Map<String, Object> params) {
        String v = blank(filter.get(key));
        if (v != null) {
            try {
                params.put(key, Long.parseLong(v));
            } catch (NumberFormatException e) {
                throw new InvalidInputException(key, "error.number.invalid");
            }
            where.append(" and ").append(column).append(" = :").append(key);
        }
    }

    private static void dateParam(Map<String, String> filter, String key, String clause, StringBuilder where, Map<String, Object> params) {
        String v = blank(filter.get(key));
        if (v != null) {
            try {
                params.put(key, Date.valueOf(LocalDate.parse(v)));
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidInputException(key, "error.date.invalid");
            }
            where.append(clause);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
