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
 * Customers with overdue money, the largest overdue amount first, one row per customer and
 * currency, keyset paged on (overdue, customer, currency). Reads only the open instalments past
 * due (index sales_instalments_open_idx), so its cost follows the overdue book, not all orders.
 * Scoped by the owner of the order or contract.
 */
@Component
public class ReceivableQuery {

    public record OverdueRow(long customerId, String currency, BigDecimal overdue, LocalDate oldestDueOn) {
    }

    private final JdbcClient jdbc;

    public ReceivableQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public CursorPage<OverdueRow> overdue(OwnerScope scope, LocalDate today, String cursor, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("today", Date.valueOf(today));
        params.put("limit", limit + 1);
        String scoped = "";
        if (!scope.isAll()) {
            scoped = " and owner_id in (:owners)";
            params.put("owners", scope.owners());
        }
        String having = "";
        if (cursor != null && !cursor.isBlank()) {
            Cursor c = Cursor.decode(cursor);
            String[] parts = c.sortValue().split("\\|", 2);
            params.put("o", new BigDecimal(parts[0]));
            params.put("cur", parts[1]);
            params.put("c", c.id());
            having = " having sum(amount - paid) < :o or (sum(amount - paid) = :o and (customer_id > :c"
                    + " or (customer_id = :c and currency > :cur)))";
        }
        String sql = "select customer_id, currency, sum(amount - paid) as overdue, min(due_on) from sales_instalments"
                + " where receivable = true and due_on < :today" + scoped
                + " group by customer_id, currency" + having
                + " order by overdue desc, customer_id, currency limit :limit";
        List<OverdueRow> rows = new ArrayList<>(jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> new OverdueRow(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getDate(4).toLocalDate()))
                .list());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            OverdueRow last = rows.get(limit - 1);
            next = new Cursor(last.overdue().toPlainString() + "|" + last.currency(), last.customerId()).encode();
        }
        return new CursorPage<>(rows, next);
    }
}
