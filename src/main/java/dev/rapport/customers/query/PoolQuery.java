package dev.rapport.customers.query;

import dev.rapport.customers.CustomerFilter;
import dev.rapport.customers.CustomerRow;
import dev.rapport.identity.OwnerScope;
import dev.rapport.platform.Cursor;
import dev.rapport.platform.CursorPage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The customers waiting in a pool, newest first, with the customer list's filters and search, and
 * the customers of one owner that a pool's rules will soon take back. The caller checked that the
 * user may see the pool; every customer of a visible pool is visible.
 */
@Component
public class PoolQuery {

    private final JdbcClient jdbc;
    private final CustomerQuery customers;

    PoolQuery(JdbcClient jdbc, CustomerQuery customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    public CursorPage<CustomerRow> list(long poolId, CustomerFilter f, String cursor, int limit) {
        CustomerQuery.Where w = customers.where(f, OwnerScope.all());
        Map<String, Object> params = new HashMap<>(w.params());
        // walks the (pool_id, owner_id, id) index backwards: the pool's unowned customers, newest first
        String where = (w.sql().isEmpty() ? " where " : w.sql() + " and ") + "c.pool_id = :pool and c.owner_id is null";
        params.put("pool", poolId);
        if (cursor != null && !cursor.isBlank()) {
            where += " and c.id < :cid";
            params.put("cid", Cursor.decode(cursor).id());
        }
        params.put("limit", limit + 1);
        List<CustomerRow> rows = jdbc.sql("""
                        select c.id, c.type, c.name, c.phone, c.email, c.province, c.city, c.industry, c.source, c.tags,
                               c.status, c.tier, c.owner_id, c.created_at, c.updated_at
                        from customers c""" + where + " order by c.id desc limit :limit")
                .params(params).query(CustomerQuery::row).list();
        String next = null;
        if (rows.size() > limit) {
            rows = new ArrayList<>(rows.subList(0, limit));
            next = new Cursor(null, rows.get(limit - 1).id()).encode();
        }
        return new CursorPage<>(customers.decorate(rows), next);
    }

    /** Exact up to {@link CustomerQuery#COUNT_CAP}, then capped. */
    public long count(long poolId, CustomerFilter f) {
        CustomerQuery.Where w = customers.where(f, OwnerScope.all());
        Map<String, Object> params = new HashMap<>(w.params());
        String where = (w.sql().isEmpty() ? " where " : w.sql() + " and ") + "c.pool_id = :pool and c.owner_id is null";
        params.put("pool", poolId);
        params.put("cap", CustomerQuery.COUNT_CAP + 1);
        return jdbc.sql("select count(*) from (select 1 from customers c" + where + " limit :cap) x")
                .params(params).query(Long.class).single();
    }

    /** A customer of the owner that a pool's rules will take back soon, with the day it is due. */
    public record DueSoon(long id, String name, long poolId, Instant ownedSince, Instant lastActivityAt, Instant dueAt) {
    }

    /**
     * The owner's customers due back in a pool within its warning days (the page the warning
     * links to): those of pools with a follow-up rule, soonest first, at most {@code limit}.
     */
    public List<DueSoon> dueSoon(long ownerId, Map<Long, int[]> followAndWarningDaysByPool, Instant now, int limit) {
        if (followAndWarningDaysByPool.isEmpty()) {
            return List.of();
        }
        List<DueSoon> out = new ArrayList<>();
        followAndWarningDaysByPool.forEach((poolId, days) -> {
            Instant cutoff = now.minus(Duration.ofDays(days[0] - (long) days[1]));
            jdbc.sql("""
                    select id, name, pool_id, owned_since, last_activity_at from customers
                    where owner_id = :o and pool_id = :p and owned_since < :cut
                      and (last_activity_at is null or last_activity_at < :cut)
                    order by id limit :limit""")
                    .param("o", ownerId).param("p", poolId).param("cut", Timestamp.from(cutoff)).param("limit", limit)
                    .query(rs -> {
                        Instant owned = rs.getTimestamp("owned_since").toInstant();
                        Timestamp last = rs.getTimestamp("last_activity_at");
                        Instant from = last != null && last.toInstant().isAfter(owned) ? last.toInstant() : owned;
                        out.add(new DueSoon(rs.getLong("id"), rs.getString("name"), poolId, owned,
                                last == null ? null : last.toInstant(), from.plus(Duration.ofDays(days[0]))));
                    });
        });
        out.sort(java.util.Comparator.comparing(DueSoon::dueAt));
        return out.size() > limit ? out.subList(0, limit) : out;
    }
}
