package dev.rapport.sales.domain;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rollup of closed deals per closing day (UTC), pipeline, stage, owner and currency that the
 * board's won and lost columns are totalled from (table opportunity_closed_totals). Writers hand
 * over what a change takes away and adds ({@link #apply}); it must run in their transaction.
 */
@Repository
public class ClosedTotals {

    /** One closed deal's share of the rollup. */
    public record Share(long pipelineId, LocalDate closedOn, long stageId, long ownerId, String currency, BigDecimal amount) {

        public static Share of(long pipelineId, long stageId, long ownerId, String currency, BigDecimal amount, Instant closedAt) {
            return new Share(pipelineId, dayOf(closedAt), stageId, ownerId, currency, amount);
        }

        Key key() {
            return new Key(pipelineId, closedOn, stageId, ownerId, currency);
        }
    }

    /** Count and sum of one stage in one currency. */
    public record Total(long stageId, String currency, long count, BigDecimal sum) {
    }

    record Key(long pipelineId, LocalDate closedOn, long stageId, long ownerId, String currency) {
    }

    private static final Comparator<Key> KEY_ORDER = Comparator.comparingLong(Key::pipelineId).thenComparing(Key::closedOn)
            .thenComparingLong(Key::stageId).thenComparingLong(Key::ownerId).thenComparing(Key::currency);

    private static final class Delta {
        long n;
        BigDecimal amount = BigDecimal.ZERO;
    }

    private static final String SHARE_COLUMNS = "pipeline_id, stage_id, owner_id, currency, amount, closed_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate savepoint;

    ClosedTotals(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    public static LocalDate dayOf(Instant closedAt) {
        return LocalDate.ofInstant(closedAt, ZoneOffset.UTC);
    }

    /** The shares of the closed deals that {@code where} selects from opportunities, read before a change. */
    List<Share> sharesWhere(String where, Map<String, ?> params) {
        return jdbc.sql("select " + SHARE_COLUMNS + " from opportunities where closed_at is not null and (" + where + ")")
                .params(params)
                .query((rs, i) -> Share.of(rs.getLong("pipeline_id"), rs.getLong("stage_id"), rs.getLong("owner_id"),
                        rs.getString("currency"), rs.getBigDecimal("amount"), rs.getTimestamp("closed_at").toInstant()))
                .list();
    }

    /**
     * Takes the {@code removed} shares out of the rollup and puts the {@code added} ones in. Rows
     * are visited in key order, one at a time, so two writers touching the same days lock them in
     * the same order and cannot deadlock each other.
     */
    public void apply(Collection<Share> removed, Collection<Share> added) {
        Map<Key, Delta> deltas = new TreeMap<>(KEY_ORDER);
        removed.forEach(s -> add(deltas, s, -1));
        added.forEach(s -> add(deltas, s, 1));
        deltas.forEach((key, d) -> {
            if (d.n == 0 && d.amount.signum() == 0) {
                return;
            }
            if (update(key, d) == 0 && !insert(key, d)) {
                update(key, d); // another transaction created the row between our update and insert
            }
            if (d.n < 0) {
                template.update("delete from opportunity_closed_totals where pipeline_id = ? and closed_on = ? and stage_id = ?"
                        + " and owner_id = ? and currency = ? and n = 0", keyArgs(key));
            }
        });
    }

    /**
     * Recounts the whole rollup from the deals: for a bulk load, once at its end, with no other
     * writers (a load adds its shares in parallel chunks, which would otherwise contend for the
     * same days).
     */
    public void rebuild() {
        jdbc.sql("delete from opportunity_closed_totals").update();
        jdbc.sql("""
                insert into opportunity_closed_totals (pipeline_id, closed_on, stage_id, owner_id, currency, n, amount)
                select pipeline_id, cast((closed_at at time zone 'UTC') as date), stage_id, owner_id, currency, count(*), sum(amount)
                from opportunities
                where closed_at is not null
                group by pipeline_id, cast((closed_at at time zone 'UTC') as date), stage_id, owner_id, currency""").update();
    }

    /**
     * Count and sum per stage and currency of the deals of a pipeline closed on or after
     * {@code since}, optionally only of some owners and of one owner or stage.
     */
    public List<Total> totals(long pipelineId, LocalDate since, Collection<Long> owners, Long ownerId, Long stageId) {
        StringBuilder sql = new StringBuilder("""
                select stage_id, currency, sum(n) as n, sum(amount) as total from opportunity_closed_totals
                where pipeline_id = :pipeline and closed_on >= :since""");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("pipeline", pipelineId);
        params.put("since", Date.valueOf(since));
        if (owners != null) {
            sql.append(" and owner_id in (:owners)");
            params.put("owners", owners);
        }
        if (ownerId != null) {
            sql.append(" and owner_id = :owner");
            params.put("owner", ownerId);
        }
        if (stageId != null) {
            sql.append(" and stage_id = :stage");
            params.put("stage", stageId);
        }
        sql.append(" group by stage_id, currency");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, i) -> new Total(rs.getLong("stage_id"), rs.getString("currency"), rs.getLong("n"), rs.getBigDecimal("total")))
                .list();
    }

    private static void add(Map<Key, Delta> deltas, Share s, int sign) {
        Delta d = deltas.computeIfAbsent(s.key(), k -> new Delta());
        d.n += sign;
        d.amount = sign > 0 ? d.amount.add(s.amount()) : d.amount.subtract(s.amount());
    }

    private static Object[] keyArgs(Key k) {
        return new Object[] {k.pipelineId(), Date.valueOf(k.closedOn()), k.stageId(), k.ownerId(), k.currency()};
    }

    private int update(Key k, Delta d) {
        return template.update("""
                update opportunity_closed_totals set n = n + ?, amount = amount + ?
                where pipeline_id = ? and closed_on = ? and stage_id = ? and owner_id = ? and currency = ?""",
                d.n, d.amount, k.pipelineId(), Date.valueOf(k.closedOn()), k.stageId(), k.ownerId(), k.currency());
    }

    /** False when the row exists after all; the savepoint keeps the caller's transaction usable on PostgreSQL. */
    private boolean insert(Key k, Delta d) {
        try {
            savepoint.executeWithoutResult(status -> template.update("""
                    insert into opportunity_closed_totals (pipeline_id, closed_on, stage_id, owner_id, currency, n, amount)
                    values (?, ?, ?, ?, ?, ?, ?)""", k.pipelineId(), Date.valueOf(k.closedOn()), k.stageId(), k.ownerId(),
                    k.currency(), d.n, d.amount));
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }
}
