package dev.rapport.sales.domain;

import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.OpportunityDetails;
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
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for opportunities and their stage history. Updates check the version. */
@Repository
public class OpportunityStore {

    public static final String SELECT = """
            select o.id, o.name, o.customer_id, o.contact_id, o.pipeline_id, o.stage_id, s.name as stage_name, s.kind as stage_kind,
                   s.probability, o.amount, o.currency, o.expected_close_date, o.owner_id, o.competitors, o.loss_reason,
                   o.status, o.closed_at, o.lead_id, o.version, o.created_at, o.updated_at
            from opportunities o join pipeline_stages s on s.id = o.stage_id""";

    /** The editable fields, already validated. */
    public record Fields(String name, long customerId, Long contactId, long pipelineId, long stageId, BigDecimal amount,
                         String currency, LocalDate expectedCloseDate, long ownerId, String competitors) {

        public Fields withAmount(BigDecimal newAmount) {
            return new Fields(name, customerId, contactId, pipelineId, stageId, newAmount, currency, expectedCloseDate, ownerId,
                    competitors);
        }
    }

    /** One move between stages. */
    public record StageChange(Long fromStageId, long toStageId, BigDecimal amount, String currency, Long changedBy,
                              Instant changedAt) {
    }

    private final JdbcClient jdbc;
    private final ClosedTotals closedTotals;

    public OpportunityStore(JdbcClient jdbc, ClosedTotals closedTotals) {
        this.jdbc = jdbc;
        this.closedTotals = closedTotals;
    }

    public long insert(Fields f, String status, Instant closedAt, Long leadId, long createdBy, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into opportunities (name, customer_id, contact_id, pipeline_id, stage_id, amount, currency,
                    expected_close_date, owner_id, competitors, status, closed_at, lead_id, created_by, search_text, version, created_at,
                    updated_at)
                values (:name, :customer, :contact, :pipeline, :stage, :amount, :currency, :close, :owner, :competitors,
                    :status, :closed, :lead, :by, :search, 0, :now, :now)""")
                .param("name", f.name()).param("customer", f.customerId()).param("contact", f.contactId())
                .param("pipeline", f.pipelineId()).param("stage", f.stageId()).param("amount", f.amount())
                .param("currency", f.currency()).param("close", date(f.expectedCloseDate())).param("owner", f.ownerId())
                .param("competitors", f.competitors()).param("status", status).param("closed", ts(closedAt))
                .param("lead", leadId).param("by", createdBy).param("search", OpportunitySearchText.of(f.name())).param("now", ts(now))
                .update(keys, "id");
        if (closedAt != null) {
            closedTotals.apply(List.of(), List.of(ClosedTotals.Share.of(f.pipelineId(), f.stageId(), f.ownerId(), f.currency(),
                    f.amount(), closedAt)));
        }
        return keys.getKey().longValue();
    }

    public Optional<OpportunityDetails> find(long id) {
        return jdbc.sql(SELECT + " where o.id = :id").param("id", id).query(OpportunityStore::row).optional();
    }

    /** Writes the fields, stage, status and loss reason; fails as stale when someone else changed the row. */
    public void update(long id, long expectedVersion, Fields f, String status, Instant closedAt, String lossReason, Instant now) {
        List<ClosedTotals.Share> before = closedTotals.sharesWhere("id = :id", Map.of("id", id));
        int n = jdbc.sql("""
                update opportunities set name = :name, customer_id = :customer, contact_id = :contact, pipeline_id = :pipeline,
                    stage_id = :stage, amount = :amount, currency = :currency, expected_close_date = :close, owner_id = :owner,
                    competitors = :competitors, status = :status, closed_at = :closed, loss_reason = :reason,
                    search_text = :search, version = version + 1, updated_at = :now
                where id = :id and version = :v""")
                .param("name", f.name()).param("customer", f.customerId()).param("contact", f.contactId())
                .param("pipeline", f.pipelineId()).param("stage", f.stageId()).param("amount", f.amount())
                .param("currency", f.currency()).param("close", date(f.expectedCloseDate())).param("owner", f.ownerId())
                .param("competitors", f.competitors()).param("status", status).param("closed", ts(closedAt))
                .param("reason", lossReason).param("search", OpportunitySearchText.of(f.name())).param("now", ts(now)).param("id", id).param("v", expectedVersion)
                .update();
        if (n == 0) {
            throw new StaleVersionException("opportunity", find(id).map(OpportunityDetails::version).orElse(-1L));
        }
        closedTotals.apply(before, closedAt == null ? List.of() : List.of(ClosedTotals.Share.of(f.pipelineId(), f.stageId(),
                f.ownerId(), f.currency(), f.amount(), closedAt)));
    }

    public void delete(long id) {
        closedTotals.apply(closedTotals.sharesWhere("id = :id", Map.of("id", id)), List.of());
        jdbc.sql("delete from opportunity_lines where opportunity_id = :id").param("id", id).update();
        jdbc.sql("delete from opportunity_stage_history where opportunity_id = :id").param("id", id).update();
        jdbc.sql("delete from opportunities where id = :id").param("id", id).update();
    }

    public void recordStageChange(long opportunityId, StageChange c) {
        jdbc.sql("""
                insert into opportunity_stage_history (opportunity_id, from_stage_id, to_stage_id, amount, currency, changed_by, changed_at)
                values (:o, :from, :to, :amount, :currency, :by, :at)""")
                .param("o", opportunityId).param("from", c.fromStageId()).param("to", c.toStageId()).param("amount", c.amount())
                .param("currency", c.currency()).param("by", c.changedBy()).param("at", ts(c.changedAt())).update();
    }

    public List<StageChange> stageHistory(long opportunityId) {
        return jdbc.sql("""
                        select from_stage_id, to_stage_id, amount, currency, changed_by, changed_at
                        from opportunity_stage_history where opportunity_id = :o order by id desc""")
                .param("o", opportunityId)
                .query((rs, n) -> new StageChange(rs.getObject("from_stage_id", Long.class), rs.getLong("to_stage_id"),
                        rs.getBigDecimal("amount"), rs.getString("currency"), rs.getObject("changed_by", Long.class),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    /** The sum of the opportunity's line totals, or empty when it has no lines (its amount is then typed). */
    public Optional<BigDecimal> linesTotal(long id) {
        return jdbc.sql("select count(*) as n, sum(line_total) as total from opportunity_lines where opportunity_id = :id")
                .param("id", id)
                .query((rs, n) -> rs.getLong("n") == 0 ? Optional.<BigDecimal>empty() : Optional.of(rs.getBigDecimal("total")))
                .single();
    }

    public boolean anyInStage(long stageId) {
        return jdbc.sql("select count(*) from (select 1 from opportunities where stage_id = :s limit 1) x")
                .param("s", stageId).query(Long.class).single() > 0;
    }

    public List<Long> idsOfCustomers(Collection<Long> customerIds) {
        return jdbc.sql("select id from opportunities where customer_id in (:c)").param("c", customerIds).query(Long.class).list();
    }

    public int moveCustomer(Collection<Long> from, long to) {
        return jdbc.sql("update opportunities set customer_id = :to, contact_id = null, version = version + 1 where customer_id in (:from)")
                .param("to", to).param("from", from).update();
    }

    public int deleteOfCustomer(long customerId) {
        closedTotals.apply(closedTotals.sharesWhere("customer_id = :c", Map.of("c", customerId)), List.of());
        jdbc.sql("delete from opportunity_lines where opportunity_id in (select id from opportunities where customer_id = :c)")
                .param("c", customerId).update();
        jdbc.sql("delete from opportunity_stage_history where opportunity_id in (select id from opportunities where customer_id = :c)")
                .param("c", customerId).update();
        return jdbc.sql("delete from opportunities where customer_id = :c").param("c", customerId).update();
    }

    public List<Long> openIdsOfOwner(long ownerId) {
        return jdbc.sql("select id from opportunities where owner_id = :o and status = 'open'").param("o", ownerId)
                .query(Long.class).list();
    }

    public int reassignOpen(long from, long to, Instant now) {
        return jdbc.sql("update opportunities set owner_id = :to, version = version + 1, updated_at = :now where owner_id = :from and status = 'open'")
                .param("to", to).param("from", from).param("now", ts(now)).update();
    }

    /** Moves every opportunity of a stage to another stage of the same pipeline (before the stage is removed). */
    public List<Long> idsInStage(long stageId) {
        return jdbc.sql("select id from opportunities where stage_id = :s").param("s", stageId).query(Long.class).list();
    }

    public int moveStage(long fromStageId, long toStageId, String status, Instant now) {
        List<ClosedTotals.Share> before = new ArrayList<>();
        List<ClosedTotals.Share> after = new ArrayList<>();
        jdbc.sql("select pipeline_id, owner_id, currency, amount, closed_at from opportunities where stage_id = :from")
                .param("from", fromStageId).query(rs -> {
                    Timestamp closedAt = rs.getTimestamp("closed_at");
                    long pipeline = rs.getLong("pipeline_id");
                    long owner = rs.getLong("owner_id");
                    String currency = rs.getString("currency");
                    BigDecimal amount = rs.getBigDecimal("amount");
                    if (closedAt != null) {
                        before.add(ClosedTotals.Share.of(pipeline, fromStageId, owner, currency, amount, closedAt.toInstant()));
                    }
                    if (!"open".equals(status)) {
                        after.add(ClosedTotals.Share.of(pipeline, toStageId, owner, currency, amount,
                                closedAt == null ? now : closedAt.toInstant()));
                    }
                });
        closedTotals.apply(before, after);
        String closed = "open".equals(status) ? "null" : "coalesce(closed_at, :now)";
        return jdbc.sql("update opportunities set stage_id = :to, status = :status, closed_at = " + closed
                        + ", version = version + 1, updated_at = :now where stage_id = :from")
                .param("to", toStageId).param("status", status).param("now", ts(now)).param("from", fromStageId).update();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    public static OpportunityDetails row(ResultSet rs, int n) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        Date close = rs.getDate("expected_close_date");
        return new OpportunityDetails(rs.getLong("id"), rs.getString("name"), rs.getLong("customer_id"), null,
                rs.getObject("contact_id", Long.class), rs.getLong("pipeline_id"), rs.getLong("stage_id"), rs.getString("stage_name"),
                rs.getString("stage_kind"), rs.getInt("probability"), rs.getBigDecimal("amount"), rs.getString("currency"),
                close == null ? null : close.toLocalDate(), rs.getLong("owner_id"), null, rs.getString("competitors"),
                rs.getString("loss_reason"), rs.getString("status"), closed == null ? null : closed.toInstant(),
                rs.getObject("lead_id", Long.class), rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
