package dev.rapport.activities.domain;

import dev.rapport.platform.TimeZones;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The table activity_day_counts: how many activities each owner has of each type per day, the day
 * taken in the company time zone. {@link ActivityStore} and the bulk load change it in the same
 * transaction as the activities, so it always equals a GROUP BY over them.
 * <p>
 * A count row is created on first use with update-then-insert: when the update finds no row the
 * insert runs inside a savepoint, and if another transaction inserted the same row meanwhile the
 * duplicate is rolled back to the savepoint and the update repeated. PostgreSQL aborts a whole
 * transaction on an error, hence the savepoint; ON CONFLICT DO UPDATE would be shorter but H2 has
 * no such thing.
 */
@Repository
public class ActivityDayCountStore implements InitializingBean {

    /** A count row's key. Ordered so that every writer locks rows in the same order (no deadlocks). */
    public record Key(LocalDate day, long ownerId, String type) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = day.compareTo(o.day);
            if (c == 0) {
                c = Long.compare(ownerId, o.ownerId);
            }
            return c != 0 ? c : type.compareTo(o.type);
        }
    }

    /** Activities of one owner and type in a range of days. */
    public record OwnerTypeCount(long ownerId, String type, long count) {
    }

    private static final String UPDATE = "update activity_day_counts set n = n + ? where on_day = ? and owner_id = ? and type = ?";
    private static final String INSERT = "insert into activity_day_counts (on_day, owner_id, type, n) values (?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate savepoint;
    private final TransactionTemplate own;
    private final ZoneId zone;

    ActivityDayCountStore(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions, TimeZones zones) {
        this.jdbc = jdbc;
        this.template = template;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.own = new TransactionTemplate(transactions);
        this.zone = zones.defaultZone();
    }

    /** The day an activity counts for: its date in the company time zone. */
    public LocalDate dayOf(Instant occurredAt) {
        return occurredAt.atZone(zone).toLocalDate();
    }

    public Key key(Instant occurredAt, long ownerId, String type) {
        return new Key(dayOf(occurredAt), ownerId, type);
    }

    /** Adds {@code delta} (negative to take away) to one count. Call inside the writing transaction. */
    public void add(Key key, long delta) {
        add(Map.of(key, delta));
    }

    /**
     * Adds every delta, in key order, with one batch of updates and one of inserts for the counts
     * that did not exist yet. Call inside the writing transaction.
     */
    public void add(Map<Key, Long> deltas) {
        List<Map.Entry<Key, Long>> sorted = new ArrayList<>(new TreeMap<>(deltas).entrySet());
        sorted.removeIf(e -> e.getValue() == 0);
        if (sorted.isEmpty()) {
            return;
        }
        int[] updated = template.batchUpdate(UPDATE, sorted.stream().map(ActivityDayCountStore::updateArgs).toList());
        List<Map.Entry<Key, Long>> missing = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                missing.add(sorted.get(i));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try {
            savepoint.executeWithoutResult(s -> template.batchUpdate(INSERT, missing.stream().map(ActivityDayCountStore::insertArgs).toList()));
        } catch (DuplicateKeyException e) {
            // another transaction created some of these rows meanwhile: one at a time now
            for (Map.Entry<Key, Long> m : missing) {
                upsertOne(m);
            }
        }
    }

    private void upsertOne(Map.Entry<Key, Long> m) {
        if (template.update(UPDATE, updateArgs(m)) == 1) {
            return;
        }
        try {
            savepoint.executeWithoutResult(s -> template.update(INSERT, insertArgs(m)));
        } catch (DuplicateKeyException e) {
            template.update(UPDATE, updateArgs(m));
        }
    }

    private static Object[] updateArgs(Map.Entry<Key, Long> e) {
        return new Object[] {e.getValue(), Date.valueOf(e.getKey().day()), e.getKey().ownerId(), e.getKey().type()};
    }

    private static Object[] insertArgs(Map.Entry<Key, Long> e) {
        return new Object[] {Date.valueOf(e.getKey().day()), e.getKey().ownerId(), e.getKey().type(), e.getValue()};
    }

    /** Counts per owner and type over the days [from, to); {@code owners} null means everybody. */
    public List<OwnerTypeCount> byOwner(LocalDate from, LocalDate to, Collection<Long> owners) {
        if (owners != null && owners.isEmpty()) {
            return List.of();
        }
        String scoped = owners == null ? "" : " and owner_id in (:owners)";
        var spec = jdbc.sql("select owner_id, type, sum(n) as n from activity_day_counts where on_day >= :from and on_day < :to" + scoped
                        + " group by owner_id, type")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to));
        if (owners != null) {
            spec = spec.param("owners", owners);
        }
        return spec.query((rs, i) -> new OwnerTypeCount(rs.getLong("owner_id"), rs.getString("type"), rs.getLong("n"))).list()
                .stream().filter(c -> c.count() != 0).toList();
    }

    /**
     * When the company time zone was changed since the days were cut, cuts them again in the new
     * one. Of several nodes starting at once, the one whose update takes the row's lock rebuilds;
     * the others then find the zone already right.
     */
    @Override
    public void afterPropertiesSet() {
        own.executeWithoutResult(s -> {
            int changed = jdbc.sql("update activity_day_counts_zone set zone = :z where zone <> :z").param("z", zone.getId()).update();
            if (changed > 0) {
                rebuild();
            }
        });
    }

    /** Recounts everything from the activities; for a changed zone, and for tests. */
    public void rebuild() {
        jdbc.sql("delete from activity_day_counts").update();
        // H2 and PostgreSQL both take a timestamptz's date in the session's zone; the zone is a
        // validated IANA id (TimeZones), never user text
        jdbc.sql("set time zone '" + zone.getId() + "'").update();
        try {
            jdbc.sql("insert into activity_day_counts (on_day, owner_id, type, n)"
                    + " select cast(occurred_at as date), owner_id, type, count(*) from activities"
                    + " group by cast(occurred_at as date), owner_id, type").update();
        } finally {
            jdbc.sql("set time zone local").update();
        }
    }
}
