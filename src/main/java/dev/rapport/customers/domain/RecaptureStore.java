package dev.rapport.customers.domain;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Set-based SQL of the pool recapture job: find the owned customers a pool's rules make due, take
 * them back in batches, count per owner the ones due soon, note which owners were warned on a day. Every statement handles a batch of
 * ids; nothing goes to the database once per customer.
 */
@Repository
public class RecaptureStore {

    /**
     * Which customers a rule set selects: those of {@code poolId} (or, when null, the pool-less ones
     * of {@code owners}) whose owner got them before {@code followCutoff} and logged nothing since, or
     * got them before {@code buyCutoff} and saw no purchase since {@code buyDay}. A null cutoff is no rule.
     */
    public record Rule(Long poolId, Collection<Long> owners, Instant followCutoff, Instant buyCutoff, LocalDate buyDay) {
    }

    /** One owned customer a rule selected, with its owner. */
    public record Due(long id, long ownerId) {
    }

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate template;

    RecaptureStore(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Candidates, unlocked: the job re-checks each batch under lock before it moves anything. */
    public List<Due> due(Rule rule) {
        Map<String, Object> params = new HashMap<>();
        String where = where(rule, params);
        return jdbc.sql("select c.id, c.owner_id from customers c where " + where).params(params)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2))).list();
    }

    /** How many customers of each owner the rule selects: the owners to warn, with their count. */
    public Map<Long, Long> countByOwner(Rule rule) {
        Map<String, Object> params = new HashMap<>();
        String where = where(rule, params);
        Map<Long, Long> out = new HashMap<>();
        jdbc.sql("select c.owner_id, count(*) from customers c where " + where + " group by c.owner_id").params(params)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getLong(2));
                });
        return out;
    }

    /** Owners already warned on the day. */
    public java.util.Set<Long> warnedOn(LocalDate day) {
        return new java.util.HashSet<>(jdbc.sql("select owner_id from pool_warnings where warned_on = :d")
                .param("d", Date.valueOf(day)).query(Long.class).list());
    }

    /** Notes the owners warned today; the key (owner, day) refuses a second warning the same day. */
    public void recordWarnings(Map<Long, Long> counts, LocalDate day) {
        List<Object[]> rows = new java.util.ArrayList<>();
        counts.forEach((owner, n) -> rows.add(new Object[] {owner, Date.valueOf(day), n.intValue()}));
        for (int i = 0; i < rows.size(); i += 1000) {
            template.batchUpdate("insert into pool_warnings (owner_id, warned_on, customers) values (?, ?, ?)",
                    rows.subList(i, Math.min(rows.size(), i + 1000)));
        }
    }

    /** The batch's customers that are still due, locked so no claim or release can slip in before the move. */
    public List<Due> lockDue(Rule rule, Collection<Long> ids) {
        Map<String, Object> params = new HashMap<>();
        String where = where(rule, params) + " and c.id in (:ids)";
        params.put("ids", ids);
        return jdbc.sql("select c.id, c.owner_id from customers c where " + where + " order by c.id for update").params(params)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2))).list();
    }

    public void returnToPool(Collection<Long> ids, long poolId, Instant now) {
        jdbc.sql("""
                update customers set owner_id = null, pool_id = :p, owned_since = null,
                    version = version + 1, updated_at = :now
                where id in (:ids)""")
                .param("p", poolId).param("now", Timestamp.from(now)).param("ids", ids).update();
    }

    private static String where(Rule rule, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("c.owner_id is not null");
        if (rule.poolId() != null) {
            sql.append(" and c.pool_id = :pool");
            params.put("pool", rule.poolId());
        } else {
            sql.append(" and c.pool_id is null and c.owner_id in (:owners)");
            params.put("owners", rule.owners());
        }
        StringBuilder due = new StringBuilder();
        if (rule.followCutoff() != null) {
            due.append("(c.owned_since < :fc and (c.last_activity_at is null or c.last_activity_at < :fc))");
            params.put("fc", Timestamp.from(rule.followCutoff()));
        }
        if (rule.buyCutoff() != null) {
            if (!due.isEmpty()) {
                due.append(" or ");
            }
            due.append("(c.owned_since < :bc and (c.last_purchase_on is null or c.last_purchase_on < :bd))");
            params.put("bc", Timestamp.from(rule.buyCutoff()));
            params.put("bd", Date.valueOf(rule.buyDay()));
        }
        return sql + " and (" + due + ")";
    }
}
