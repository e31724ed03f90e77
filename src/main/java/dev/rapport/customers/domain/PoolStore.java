package dev.rapport.customers.domain;

import dev.rapport.customers.Pool;
import dev.rapport.customers.PoolInput;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for pools and for moving customers in and out of them. A move is one conditional update
 * (e.g. "set the owner where there is none"), so two users racing for the same customer cannot
 * both win: the database lets exactly one update match.
 */
@Repository
public class PoolStore {

    private final JdbcClient jdbc;

    PoolStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(PoolInput p, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into pools (name, description, claim_cap, followup_days, purchase_days, warning_days, default_pool,
                    enabled, version, created_at, updated_at)
                values (:name, :description, :cap, :follow, :purchase, :warning, :def, :enabled, 0, :now, :now)""")
                .params(params(p, now)).update(keys, "id");
        long id = keys.getKey().longValue();
        writeDepartments(id, p.departmentIds());
        return id;
    }

    /** Returns false when the pool changed since {@code version} was read. */
    public boolean update(long id, long version, PoolInput p, Instant now) {
        Map<String, Object> params = params(p, now);
        params.put("id", id);
        params.put("version", version);
        int n = jdbc.sql("""
                update pools set name = :name, description = :description, claim_cap = :cap, followup_days = :follow,
                    purchase_days = :purchase, warning_days = :warning, default_pool = :def, enabled = :enabled,
                    version = version + 1, updated_at = :now
                where id = :id and version = :version""").params(params).update();
        if (n == 1) {
            jdbc.sql("delete from pool_departments where pool_id = :id").param("id", id).update();
            writeDepartments(id, p.departmentIds());
        }
        return n == 1;
    }

    private static Map<String, Object> params(PoolInput p, Instant now) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", p.name());
        m.put("description", p.description());
        m.put("cap", p.claimCap());
        m.put("follow", p.followUpDays());
        m.put("purchase", p.purchaseDays());
        m.put("warning", p.warningDays());
        m.put("def", p.defaultPool());
        m.put("enabled", p.enabled());
        m.put("now", Timestamp.from(now));
        return m;
    }

    private void writeDepartments(long poolId, List<Long> departmentIds) {
        for (Long d : departmentIds) {
            jdbc.sql("insert into pool_departments (pool_id, department_id) values (:p, :d)").param("p", poolId).param("d", d).update();
        }
    }

    public Optional<Pool> find(long id) {
        return all().stream().filter(p -> p.id() == id).findFirst();
    }

    /** Every pool, by name; pools are few (a handful per company), so they are read whole. */
    public List<Pool> all() {
        Map<Long, List<Long>> departments = new HashMap<>();
        jdbc.sql("select pool_id, department_id from pool_departments order by department_id").query(rs -> {
            departments.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
        });
        return jdbc.sql("select * from pools order by name, id")
                .query((rs, n) -> row(rs, departments.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    /** Locks the pool row so that claims from one pool run one after another and its cap holds exactly. */
    public void lock(long poolId) {
        jdbc.sql("select id from pools where id = :id for update").param("id", poolId).query(Long.class).optional();
    }

    /** How many customers the user owns that came from the pool: what its claim cap limits. */
    public int ownedFrom(long poolId, long userId) {
        return jdbc.sql("select count(*) from customers where pool_id = :p and owner_id = :u")
                .param("p", poolId).param("u", userId).query(Integer.class).single();
    }

    /** The customers among {@code ids} that sit unowned in the pool, locked until the transaction ends. */
    public List<Long> lockFree(long poolId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from customers where id in (:ids) and pool_id = :p and owner_id is null order by id for update")
                .param("ids", ids).param("p", poolId).query(Long.class).list();
    }

    /** The customers among {@code ids} that came from the pool and have an owner now (someone was quicker). */
    public List<Long> taken(long poolId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from customers where id in (:ids) and pool_id = :p and owner_id is not null")
                .param("ids", ids).param("p", poolId).query(Long.class).list();
    }

    /**
     * Gives unowned customers to a user; only rows still without an owner change, so of two users
     * racing for a customer exactly one gets it. Returns how many changed.
     */
    public int give(Collection<Long> ids, long userId, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                update customers set owner_id = :u, owned_since = :now, version = version + 1,
                    updated_at = :now
                where id in (:ids) and owner_id is null""")
                .param("u", userId).param("now", Timestamp.from(now)).param("ids", ids).update();
    }

    /** Takes an owned customer from its owner into a pool; false when it changed since {@code version}. */
    public boolean putInPool(long customerId, long version, long poolId, Instant now) {
        return jdbc.sql("""
                update customers set owner_id = null, pool_id = :p, owned_since = null,
                    version = version + 1, updated_at = :now
                where id = :id and version = :v and owner_id is not null""")
                .param("p", poolId).param("now", Timestamp.from(now)).param("id", customerId).param("v", version).update() == 1;
    }

    /** Moves customers (owned or not) to another pool, whose rules apply to them from now on. */
    public void moveToPool(Collection<Long> customerIds, long poolId, Instant now) {
        jdbc.sql("update customers set pool_id = :p, version = version + 1, updated_at = :now where id in (:ids)")
                .param("p", poolId).param("now", Timestamp.from(now)).param("ids", customerIds).update();
    }

    private static Pool row(ResultSet rs, List<Long> departments) throws SQLException {
        return new Pool(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                rs.getObject("claim_cap", Integer.class), rs.getObject("followup_days", Integer.class),
                rs.getObject("purchase_days", Integer.class), rs.getInt("warning_days"), rs.getBoolean("default_pool"),
                rs.getBoolean("enabled"), List.copyOf(departments), rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
