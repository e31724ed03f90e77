package dev.rapport.sales.domain;

import dev.rapport.sales.LeadRow;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for leads in the public pools and for their recapture, as {@code PoolStore} and
 * {@code RecaptureStore} do it for customers. A move is one conditional update ("set the owner
 * where there is none"), so of two reps racing for the same lead exactly one wins.
 */
@Repository
public class LeadPoolStore {

    /**
     * Which owned leads a follow-up rule selects: those of {@code poolId} (or, when null, the
     * pool-less ones of {@code owners}) whose owner got them before {@code cutoff} and logged no
     * activity since. Converted leads are done with and never go back.
     */
    public record Rule(Long poolId, Collection<Long> owners, Instant cutoff) {
    }

    /** One owned lead a rule selected, with its owner. */
    public record Due(long id, long ownerId) {
    }

    private final JdbcClient jdbc;

    LeadPoolStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Unowned leads of a pool, newest first, after the keyset cursor (id), at most {@code limit}. */
    public List<LeadRow> inPool(long poolId, Long beforeId, int limit) {
        return jdbc.sql("select " + LeadStore.ROW_COLUMNS + " from leads l where l.pool_id = :p and l.owner_id is null"
                        + (beforeId == null ? "" : " and l.id < :b") + " order by l.id desc limit :n")
                .param("p", poolId).param("b", beforeId == null ? 0L : beforeId).param("n", limit).query(LeadStore::row).list();
    }

    public long countInPool(long poolId) {
        return jdbc.sql("select count(*) from leads where pool_id = :p and owner_id is null").param("p", poolId).query(Long.class).single();
    }

    /** How many leads the user owns that came from the pool: what its claim cap limits for leads. */
    public int ownedFrom(long poolId, long userId) {
        return jdbc.sql("select count(*) from leads where pool_id = :p and owner_id = :u and status <> 'converted'")
                .param("p", poolId).param("u", userId).query(Integer.class).single();
    }

    /** The leads among {@code ids} that sit unowned in the pool, locked until the transaction ends. */
    public List<Long> lockFree(long poolId, Collection<Long> ids) {
        return jdbc.sql("select id from leads where id in (:ids) and pool_id = :p and owner_id is null order by id for update")
                .param("ids", ids).param("p", poolId).query(Long.class).list();
    }

    /** The leads among {@code ids} that came from the pool and have an owner now (someone was quicker). */
    public List<Long> taken(long poolId, Collection<Long> ids) {
        return jdbc.sql("select id from leads where id in (:ids) and pool_id = :p and owner_id is not null")
                .param("ids", ids).param("p", poolId).query(Long.class).list();
    }

    /** Gives unowned leads to a user; only rows still without an owner change. Returns how many. */
    public int give(Collection<Long> ids, long userId, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                update leads set owner_id = :u, owned_since = :now, version = version + 1, updated_at = :now
                where id in (:ids) and owner_id is null""")
                .param("u", userId).param("now", Timestamp.from(now)).param("ids", ids).update();
    }

    /** Takes an owned lead from its owner into a pool; false when it changed since {@code version}. */
    public boolean putInPool(long leadId, long version, long poolId, Instant now) {
        return jdbc.sql("""
                update leads set owner_id = null, pool_id = :p, owned_since = null, version = version + 1, updated_at = :now
                where id = :id and version = :v and owner_id is not null and status <> 'converted'""")
                .param("p", poolId).param("now", Timestamp.from(now)).param("id", leadId).param("v", version).update() == 1;
    }

    /** Moves leads (owned or not) to another pool, whose rules apply to them from now on. */
    public void moveToPool(Collection<Long> ids, long poolId, Instant now) {
        jdbc.sql("update leads set pool_id = :p, version = version + 1, updated_at = :now where id in (:ids)")
                .param("p", poolId).param("now", Timestamp.from(now)).param("ids", ids).update();
    }

    /** An owner's lead the follow-up rule will take back soon: due at the later of the two clocks plus the rule's days. */
    public record DueSoon(long id, String name, String company, Instant ownedSince, Instant lastActivityAt) {
    }

    /**
     * The owner's leads of a pool ({@code poolId}, or the pool-less ones when null) that a rule with
     * this cutoff selects, oldest clock first, at most {@code limit}.
     */
    public List<DueSoon> dueSoon(long ownerId, Long poolId, Instant cutoff, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(new Rule(poolId, List.of(ownerId), cutoff), params) + " and l.owner_id = :me";
        params.put("me", ownerId);
        params.put("n", limit);
        return jdbc.sql("select l.id, l.name, l.company, l.owned_since, l.last_activity_at from leads l where " + where
                        + " order by l.owned_since, l.id limit :n").params(params)
                .query((rs, n) -> new DueSoon(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant())).list();
    }

    /** Candidates, unlocked: the job re-checks each batch under lock before it moves anything. */
    public List<Due> due(Rule rule) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select l.id, l.owner_id from leads l where " + where(rule, params)).params(params)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2))).list();
    }

    public Map<Long, Long> countByOwner(Rule rule) {
        Map<String, Object> params = new HashMap<>();
        Map<Long, Long> out = new HashMap<>();
        jdbc.sql("select l.owner_id, count(*) from leads l where " + where(rule, params) + " group by l.owner_id").params(params)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getLong(2));
                });
        return out;
    }

    /** The batch's leads that are still due, locked so no claim or release can slip in before the move. */
    public List<Due> lockDue(Rule rule, Collection<Long> ids) {
        Map<String, Object> params = new HashMap<>();
        String where = where(rule, params) + " and l.id in (:ids)";
        params.put("ids", ids);
        return jdbc.sql("select l.id, l.owner_id from leads l where " + where + " order by l.id for update").params(params)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2))).list();
    }

    public void returnToPool(Collection<Long> ids, long poolId, Instant now) {
        jdbc.sql("""
                update leads set owner_id = null, pool_id = :p, owned_since = null, version = version + 1, updated_at = :now
                where id in (:ids)""")
                .param("p", poolId).param("now", Timestamp.from(now)).param("ids", ids).update();
    }

    private static String where(Rule rule, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("l.owner_id is not null and l.status <> 'converted'");
        if (rule.poolId() != null) {
            sql.append(" and l.pool_id = :pool");
            params.put("pool", rule.poolId());
        } else {
            sql.append(" and l.pool_id is null and l.owner_id in (:owners)");
            params.put("owners", rule.owners());
        }
        sql.append(" and l.owned_since < :fc and (l.last_activity_at is null or l.last_activity_at < :fc)");
        params.put("fc", Timestamp.from(rule.cutoff()));
        return sql.toString();
    }
}
