package dev.rapport.sales.domain;

import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.OrderLineView;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Orders and their lines. Updates check the version: a stale one raises {@link StaleVersionException}. */
@Repository
public class OrderStore {

    static final String SELECT = """
            select id, number, customer_id, contact_id, order_date, currency, subtotal, discount_total, tax_total, total,
                   paid, status, owner_id, quote_id, opportunity_id, notes, imported, version, created_at, updated_at
            from sales_orders""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public OrderStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The next readable order number for a year, e.g. SO-2026-000123 (one sequence, never reused). */
    public String nextNumber(int year) {
        long n = jdbc.sql("select nextval('sales_order_number_seq')").query(Long.class).single();
        return String.format("SO-%d-%06d", year, n);
    }

    /** The order made from a quote, if any (a quote gives at most one). */
    public Optional<Long> idOfQuote(long quoteId) {
        return jdbc.sql("select id from sales_orders where quote_id = :q").param("q", quoteId).query(Long.class).list().stream().findFirst();
    }

    public boolean numberTaken(String number) {
        return jdbc.sql("select count(*) from sales_orders where number = :n").param("n", number).query(Long.class).single() > 0;
    }

    public long insert(String number, long customerId, Long contactId, LocalDate orderDate, String currency,
                       OrderPricing.Totals totals, String status, long ownerId, Long quoteId, Long opportunityId,
                       String notes, long createdBy, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into sales_orders (number, customer_id, contact_id, order_date, currency, subtotal, discount_total,
                    tax_total, total, paid, status, owner_id, quote_id, opportunity_id, notes, imported, version, created_by,
                    created_at, updated_at)
                values (:number, :customer, :contact, :date, :currency, :subtotal, :discount, :tax, :total, 0, :status,
                    :owner, :quote, :opp, :notes, false, 0, :by, :now, :now)""")
                .param("number", number).param("customer", customerId).param("contact", contactId)
                .param("date", Date.valueOf(orderDate)).param("currency", currency).param("subtotal", totals.subtotal())
                .param("discount", totals.discountTotal()).param("tax", totals.taxTotal()).param("total", totals.total())
                .param("status", status).param("owner", ownerId).param("quote", quoteId).param("opp", opportunityId)
                .param("notes", notes).param("by", createdBy).param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void insertLines(long orderId, List<OrderPricing.PricedLine> lines) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            OrderPricing.PricedLine l = lines.get(i);
            rows.add(new Object[] {orderId, i + 1, l.productId(), l.description(), l.quantity(), l.unitPrice(), l.discount(),
                    l.taxRate(), l.lineTotal()});
        }
        template.batchUpdate("""
                insert into sales_order_lines (order_id, position, product_id, description, quantity, unit_price, discount,
                    tax_rate, line_total) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /** Replaces a draft order's header, lines and totals. */
    public void replace(long id, long expectedVersion, Long contactId, LocalDate orderDate, String currency,
                        OrderPricing.Totals totals, long ownerId, String notes, List<OrderPricing.PricedLine> lines, Instant now) {
        int n = jdbc.sql("""
                update sales_orders set contact_id = :contact, order_date = :date, currency = :currency, subtotal = :subtotal,
                    discount_total = :discount, tax_total = :tax, total = :total, owner_id = :owner, notes = :notes,
                    version = version + 1, updated_at = :now
                where id = :id and version = :v""")
                .param("contact", contactId).param("date", Date.valueOf(orderDate)).param("currency", currency)
                .param("subtotal", totals.subtotal()).param("discount", totals.discountTotal()).param("tax", totals.taxTotal())
                .param("total", totals.total()).param("owner", ownerId).param("notes", notes).param("now", Timestamp.from(now))
                .param("id", id).param("v", expectedVersion).update();
        stale(n, id);
        jdbc.sql("delete from sales_order_lines where order_id = :id").param("id", id).update();
        insertLines(id, lines);
    }

    public void setStatus(long id, long expectedVersion, String status, Instant now) {
        int n = jdbc.sql("update sales_orders set status = :s, version = version + 1, updated_at = :now where id = :id and version = :v")
                .param("s", status).param("now", Timestamp.from(now)).param("id", id).param("v", expectedVersion).update();
        stale(n, id);
    }

    /** Adds a payment to the order's paid amount; the version check makes two concurrent payments serialise. */
    public void addPaid(long id, long expectedVersion, BigDecimal amount, Instant now) {
        int n = jdbc.sql("update sales_orders set paid = paid + :a, version = version + 1, updated_at = :now where id = :id and version = :v")
                .param("a", amount).param("now", Timestamp.from(now)).param("id", id).param("v", expectedVersion).update();
        stale(n, id);
    }

    private void stale(int updated, long id) {
        if (updated == 0) {
            throw new StaleVersionException("order", find(id).map(StoredOrder::version).orElse(-1L));
        }
    }

    public Optional<StoredOrder> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(OrderStore::row).optional();
    }

    public List<OrderLineView> lines(long orderId) {
        return jdbc.sql("""
                select id, position, product_id, description, quantity, unit_price, discount, tax_rate, line_total
                from sales_order_lines where order_id = :o order by position""")
                .param("o", orderId)
                .query((rs, n) -> new OrderLineView(rs.getLong(1), rs.getInt(2), rs.getObject(3, Long.class), rs.getString(4),
                        rs.getBigDecimal(5).stripTrailingZeros(), rs.getBigDecimal(6), rs.getBigDecimal(7).stripTrailingZeros(),
                        rs.getBigDecimal(8).stripTrailingZeros(), rs.getBigDecimal(9)))
                .list();
    }

    /** Purchases of a customer: how many orders and in how many distinct years (for the buyer label). */
    public long[] purchaseCounts(long customerId) {
        return jdbc.sql("""
                select count(*), count(distinct extract(year from order_date)) from sales_orders
                where customer_id = :c and status in ('confirmed', 'fulfilled')""")
                .param("c", customerId).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    /** Sales (confirmed and fulfilled orders) of a customer per currency since a day, for days-sales-outstanding. */
    public java.util.Map<String, BigDecimal> salesSince(long customerId, LocalDate since) {
        java.util.Map<String, BigDecimal> out = new java.util.HashMap<>();
        jdbc.sql("""
                select currency, sum(total) from sales_orders
                where customer_id = :c and order_date >= :since and status in ('confirmed', 'fulfilled') group by currency""")
                .param("c", customerId).param("since", Date.valueOf(since))
                .query((rs, n) -> out.put(rs.getString(1), rs.getBigDecimal(2))).list();
        return out;
    }

    public int moveCustomer(Collection<Long> from, long to) {
        return jdbc.sql("update sales_orders set customer_id = :to where customer_id in (:from)").param("to", to).param("from", from).update();
    }

    public List<Long> idsOfOwner(long ownerId) {
        return jdbc.sql("select id from sales_orders where owner_id = :o").param("o", ownerId).query(Long.class).list();
    }

    public int reassignOwner(long from, long to) {
        return jdbc.sql("update sales_orders set owner_id = :to, version = version + 1 where owner_id = :from")
                .param("to", to).param("from", from).update();
    }

    static StoredOrder row(ResultSet rs, int n) throws SQLException {
        return new StoredOrder(rs.getLong("id"), rs.getString("number"), rs.getLong("customer_id"),
                rs.getObject("contact_id", Long.class), rs.getDate("order_date").toLocalDate(), rs.getString("currency"),
                rs.getBigDecimal("subtotal"), rs.getBigDecimal("discount_total"), rs.getBigDecimal("tax_total"),
                rs.getBigDecimal("total"), rs.getBigDecimal("paid"), rs.getString("status"), rs.getLong("owner_id"),
                rs.getObject("quote_id", Long.class), rs.getObject("opportunity_id", Long.class), rs.getString("notes"),
                rs.getBoolean("imported"), rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
