package dev.rapport.sales.domain;

import dev.rapport.platform.StaleVersionException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the product lines of opportunities (opportunity_lines) and the price book they are priced from. */
@Repository
public class OpportunityLineStore {

    /** A line as stored, with its product's SKU, name and unit for display. */
    public record Line(long id, int position, long productId, String sku, String productName, String unit, BigDecimal quantity,
                       BigDecimal unitPrice, boolean priceOverridden, BigDecimal discountPercent, BigDecimal lineTotal) {
    }

    /** A priced line to store. */
    public record NewLine(long productId, BigDecimal quantity, BigDecimal unitPrice, boolean priceOverridden,
                          BigDecimal discountPercent, BigDecimal lineTotal) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ClosedTotals closedTotals;

    OpportunityLineStore(JdbcClient jdbc, JdbcTemplate template, ClosedTotals closedTotals) {
        this.jdbc = jdbc;
        this.template = template;
        this.closedTotals = closedTotals;
    }

    public List<Line> lines(long opportunityId) {
        return jdbc.sql("""
                        select l.id, l.position, l.product_id, p.sku, p.name, p.unit, l.quantity, l.unit_price, l.price_overridden,
                               l.discount_percent, l.line_total
                        from opportunity_lines l join products p on p.id = l.product_id
                        where l.opportunity_id = :o order by l.position, l.id""")
                .param("o", opportunityId)
                .query((rs, n) -> new Line(rs.getLong("id"), rs.getInt("position"), rs.getLong("product_id"), rs.getString("sku"),
                        rs.getString("name"), rs.getString("unit"), rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_price"),
                        rs.getBoolean("price_overridden"), rs.getBigDecimal("discount_percent"), rs.getBigDecimal("line_total")))
                .list();
    }

    public Optional<Long> priceBookId(long opportunityId) {
        return jdbc.sql("select price_book_id from opportunities where id = :o").param("o", opportunityId)
                .query((rs, n) -> rs.getObject(1, Long.class)).optional();
    }

    /**
     * Replaces the lines, the price book and the amount in one step that checks and bumps the
     * opportunity's version (stale = someone changed the opportunity or its lines meanwhile).
     */
    public void replace(long opportunityId, long expectedVersion, Long priceBookId, BigDecimal amount, List<NewLine> lines,
                        Instant now) {
        // a closed deal's new amount moves the board's rollup of closed deals with it
        List<ClosedTotals.Share> before = closedTotals.sharesWhere("id = :id", java.util.Map.of("id", opportunityId));
        int n = jdbc.sql("""
                        update opportunities set price_book_id = :book, amount = :amount, version = version + 1, updated_at = :now
                        where id = :id and version = :v""")
                .param("book", priceBookId).param("amount", amount).param("now", Timestamp.from(now))
                .param("id", opportunityId).param("v", expectedVersion).update();
        if (n == 0) {
            long current = jdbc.sql("select version from opportunities where id = :id").param("id", opportunityId)
                    .query(Long.class).optional().orElse(-1L);
            throw new StaleVersionException("opportunity", current);
        }
        closedTotals.apply(before, closedTotals.sharesWhere("id = :id", java.util.Map.of("id", opportunityId)));
        jdbc.sql("delete from opportunity_lines where opportunity_id = :o").param("o", opportunityId).update();
        List<Object[]> rows = new java.util.ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            NewLine l = lines.get(i);
            rows.add(new Object[] {opportunityId, i + 1, l.productId(), l.quantity(), l.unitPrice(), l.priceOverridden(),
                    l.discountPercent(), l.lineTotal()});
        }
        if (!rows.isEmpty()) {
            template.batchUpdate("""
                    insert into opportunity_lines (opportunity_id, position, product_id, quantity, unit_price, price_overridden,
                        discount_percent, line_total) values (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        }
    }
}
