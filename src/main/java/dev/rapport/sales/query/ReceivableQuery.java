package dev.rapport.sales.query;

import dev.rapport.identity.OwnerScope;
import dev.rapport.platform.Cursor;
import dev.rapport.platform.CursorPage;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Customers with open money, one row per customer and currency, the largest overdue amount first,
 * keyset paged on (overdue, customer, currency). With {@code overdueOnly} it reads only the open
 * instalments past due (index sales_instalments_open_idx), so its cost follows the overdue book, and
 * then the page's customers' whole receivable in one more query; otherwise all open instalments.
 * Scoped by the owner of the order or contract, optionally narrowed to one owner.
 */
@Component
public class ReceivableQuery {

    public record OpenRow(long customerId, String currency, BigDecimal receivable, BigDecimal overdue, LocalDate oldestDueOn) {
    }

    private final JdbcClient jdbc;

    public ReceivableQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public CursorPage<OpenRow> list(OwnerScope scope, Long ownerId, boolean overdueOnly, LocalDate today, String cursor, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("today", Date.valueOf(today));
        params.put("limit", limit + 1);
        String filter = owners(scope, ownerId, params) + (overdueOnly ? " and due_on < :today" : "");
        String overdue = "sum(case when due_on < :today then amount - paid else 0 end)";
        String having = "";
        if (cursor != null && !cursor.isBlank()) {
            Cursor c = Cursor.decode(cursor);
            String[] parts = c.sortValue().split("\\|", 2);
            params.put("o", new BigDecimal(parts[0]));
            params.put("cur", parts[1]);
            params.put("c", c.id());
            having = " having " + overdue + " < :o or (" + overdue + " = :o and (customer_id > :c"
                    + " or (customer_id = :c and currency > :cur)))";
        }
        String sql = "select customer_id, currency, sum(amount - paid), " + overdue + " as overdue, min(due_on) from sales_instalments"
                + " where receivable = true" + filter
                + " group by customer_id, currency" + having
                + " order by overdue desc, customer_id, currency limit :limit";
        List<OpenRow> rows = new ArrayList<>(jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> new OpenRow(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getDate(5).toLocalDate()))
                .list());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            OpenRow last = rows.get(limit - 1);
            next = new Cursor(last.overdue().toPlainString() + "|" + last.currency(), last.customerId()).encode();
        }
        if (overdueOnly && !rows.isEmpty()) {
            rows = withWholeReceivable(rows, scope, ownerId);
        }
        return new CursorPage<>(rows, next);
    }

    /** The overdue rows with what their customers owe in all (due later included), in the same scope. */
    private List<OpenRow> withWholeReceivable(List<OpenRow> rows, OwnerScope scope, Long ownerId) {
        Map<String, Object> params = new HashMap<>();
        params.put("ids", rows.stream().map(OpenRow::customerId).distinct().toList());
        String sql = "select customer_id, currency, sum(amount - paid) from sales_instalments where receivable = true"
                + " and customer_id in (:ids)" + owners(scope, ownerId, params) + " group by customer_id, currency";
        Map<String, BigDecimal> owed = new HashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            owed.put(rs.getLong(1) + "|" + rs.getString(2), rs.getBigDecimal(3));
        });
        return rows.stream().map(r -> new OpenRow(r.customerId(), r.currency(),
                owed.getOrDefault(r.customerId() + "|" + r.currency(), r.receivable()), r.overdue(), r.oldestDueOn())).toList();
    }

    private static String owners(OwnerScope scope, Long ownerId, Map<String, Object> params) {
        String sql = "";
        if (!scope.isAll()) {
            sql += " and owner_id in (:owners)";
            params.put("owners", scope.owners());
        }
        if (ownerId != null) {
            sql += " and owner_id = :owner";
            params.put("owner", ownerId);
        }
        return sql;
    }
}
