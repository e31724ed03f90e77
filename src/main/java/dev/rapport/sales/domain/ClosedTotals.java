package dev.rapport.sales.domain;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** Takes the {@code removed} shares out of the rollup and puts the {@code added} ones in. */
    public void apply(Collection<Share> removed, Collection<Share> added) {
        Map<Key, Delta> deltas = new LinkedHashMap<>();
        removed.forEach(s -> add(deltas, s, -1));
        added.forEach(s -> add(deltas, s, 1));
        deltas.values().removeIf(d -> d.n == 0 && d.amount.signum() == 0);
        if (deltas.isEmpty()) {
            return;
        }
        List<Map.Entry<Key, Delta>> missing = updateExisting(deltas);
        List<Object[]> emptied = deltas.entrySet().stream().filter(e -> e.getValue().n < 0).map(e -> keyArgs(e.getKey())).toList();
        if (!emptied.isEmpty()) {
            template.batchUpdate("delete from opportunity_closed_totals where pipeline_id = ? and closed_on = ? and stage_id = ?"
                    + " and owner_id = ? and currency = ? and n = 0", emptied);
        }
        if (missing.isEmpty()) {
            return;
        }
        try {
            savepoint.executeWithoutResult(status -> insert(missing));
        } catch (DuplicateKeyException raced) {
            // another transaction created one of the rows between our update and insert: they exist now
            Map<Key, Delta> rest = new LinkedHashMap<>();
            missing.forEach(e -> rest.put(e.getKey(), e.getValue()));
            List<Map.Entry<Key, Delta>> still = updateExisting(rest);
            if (!still.isEmpty()) {
                insert(still);
            }
        }
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

    private List<Map.Entry<Key, Delta>> updateExisting(Map<Key, Delta> deltas) {
        List<Map.Entry<Key, Delta>> entries = new ArrayList<>(deltas.entrySet());
        List<Object[]> args = entries.stream().map(e -> new Object[] {e.getValue().n, e.getValue().amount, e.getKey().pipelineId(),
                Date.valueOf(e.getKey().closedOn()), e.getKey().stageId(), e.getKey().ownerId(), e.getKey().currency()}).toList();
        int[] counts = template.batchUpdate("""
                update opportunity_closed_totals set n = n + ?, amount = amount + ?
                where pipeline_id = ? and closed_on = ? and stage_id = ? and owner_id = ? and currency = ?""", args);
        List<Map.Entry<Key, Delta>> missing = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                missing.add(entries.get(i));
            }
        }
        return missing;
    }

    private void insert(List<Map.Entry<Key, Delta>> rows) {
        template.batchUpdate("""
                insert into opportunity_closed_totals (pipeline_id, closed_on, stage_id, owner_id, currency, n, amount)
                values (?, ?, ?, ?, ?, ?, ?)""", rows.stream().map(e -> new Object[] {e.getKey().pipelineId(),
                Date.valueOf(e.getKey().closedOn()), e.getKey().stageId(), e.getKey().ownerId(), e.getKey().currency(),
                e.getValue().n, e.getValue().amount}).toList());
    }
}
