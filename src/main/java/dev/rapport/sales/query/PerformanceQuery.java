package dev.rapport.sales.query;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sales numbers of the performance review (业绩考核), one grouped query per source, each an
 * index range scan over the period whatever the number of reps: closed deals
 * (opportunities_closed_idx), new deals (opportunities_created_idx), new leads (leads_created_idx)
 * and targets (sales_targets_period_idx). Every owner's rows: the
 * caller applies the data scope to the totals (see PerformanceReview).
 */
@Component
public class PerformanceQuery {

    /** Deals of one owner, status (won or lost) and currency closed in the period; cycle = closed_at − created_at summed. */
    public record Closed(long ownerId, String status, String currency, long count, BigDecimal amount, BigDecimal cycleSeconds) {
    }

    /** New deals of one owner. */
    public record Created(long ownerId, long count) {
    }

    /** New leads of one owner, and how many of those are converted by now. */
    public record Leads(long ownerId, long created, long converted) {
    }

    /** A target whose period lies in the report's period. */
    public record Target(String subjectType, long subjectId, String periodType, LocalDate periodStart, BigDecimal amount,
                         String currency, int wonCount) {
    }

    private final JdbcClient jdbc;

    public PerformanceQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Closed> closed(Instant from, Instant to) {
        // epoch seconds work alike on H2 and PostgreSQL, where subtracting timestamps does not; only
        // won deals have a cycle, and the arithmetic is most of the query's time, so lost ones skip it
        var spec = jdbc.sql("""
                select owner_id, status, currency, count(*) as n, sum(amount) as total,
                       sum(case when status = 'won' then extract(epoch from closed_at) - extract(epoch from created_at) end) as cycle
                from opportunities
                where status in ('won', 'lost') and closed_at >= :from and closed_at < :to
                group by owner_id, status, currency""");
        return bind(spec, from, to).query((rs, n) -> new Closed(rs.getLong("owner_id"), rs.getString("status"),
                rs.getString("currency"), rs.getLong("n"), rs.getBigDecimal("total"), rs.getBigDecimal("cycle"))).list();
    }

    public List<Created> created(Instant from, Instant to) {
        var spec = jdbc.sql("select owner_id, count(*) as n from opportunities where created_at >= :from and created_at < :to group by owner_id");
        return bind(spec, from, to).query((rs, n) -> new Created(rs.getLong("owner_id"), rs.getLong("n"))).list();
    }

    public List<Leads> leads(Instant from, Instant to) {
        var spec = jdbc.sql("select owner_id, count(*) as n, count(converted_at) as converted from leads"
                + " where created_at >= :from and created_at < :to group by owner_id");
        return bind(spec, from, to).query((rs, n) -> new Leads(rs.getLong("owner_id"), rs.getLong("n"),
                rs.getLong("converted"))).list();
    }

    /** Targets whose period starts in [from, to); the caller keeps those that also end by {@code to}. */
    public List<Target> targets(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select subject_type, subject_id, period_type, period_start, amount, currency, won_count
                        from sales_targets where period_start >= :from and period_start < :to""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> new Target(rs.getString("subject_type"), rs.getLong("subject_id"), rs.getString("period_type"),
                        rs.getObject("period_start", LocalDate.class), rs.getBigDecimal("amount"), rs.getString("currency"),
                        rs.getInt("won_count"))).list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Instant from, Instant to) {
        return spec.param("from", Timestamp.from(from)).param("to", Timestamp.from(to));
    }
}
