package dev.rapport.activities.domain;

import dev.rapport.activities.ActivityView;
import dev.rapport.platform.StaleVersionException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class ActivityStore {

    static final String SELECT = """
            select a.id, a.customer_id, a.contact_id, a.type, a.subject, a.body, a.occurred_at, a.due_at, a.remind_at,
                   a.done_at, a.owner_id, a.created_by, a.version, a.created_at, a.lead_id
            from activities a""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ActivityDayCountStore counts;

    public ActivityStore(JdbcClient jdbc, JdbcTemplate template, ActivityDayCountStore counts) {
        this.jdbc = jdbc;
        this.template = template;
        this.counts = counts;
    }

    /** What a row counts for in activity_day_counts. */
    private record Counted(long id, long ownerId, String type, Instant occurredAt) {
    }

    /** Locks the rows it reads, so the counts taken away are those of the rows then changed. */
    private List<Counted> counted(String where, String name, Object value) {
        return jdbc.sql("select id, owner_id, type, occurred_at from activities where " + where + " for update").param(name, value)
                .query((rs, n) -> new Counted(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("type"),
                        inst(rs.getTimestamp("occurred_at")))).list();
    }

    /** Takes the rows away from the counts of {@code from} owners and, unless {@code toOwner} is null, adds them to it. */
    private void recount(List<Counted> rows, Long toOwner) {
        Map<ActivityDayCountStore.Key, Long> deltas = new java.util.HashMap<>();
        for (Counted c : rows) {
            deltas.merge(counts.key(c.occurredAt(), c.ownerId(), c.type()), -1L, Long::sum);
            if (toOwner != null) {
                deltas.merge(counts.key(c.occurredAt(), toOwner, c.type()), 1L, Long::sum);
            }
        }
        counts.add(deltas);
    }

    /** Runs the statement for the ids in slices of 1,000 (IN lists stay short); returns the rows changed. */
    private int byIds(String sql, List<Counted> rows, Map<String, Object> params) {
        int changed = 0;
        for (int i = 0; i < rows.size(); i += 1000) {
            var spec = jdbc.sql(sql).params(params)
                    .param("ids", rows.subList(i, Math.min(rows.size(), i + 1000)).stream().map(Counted::id).toList());
            changed += spec.update();
        }
        return changed;
    }

    /** Exactly one of customerId and leadId is given: an activity belongs to a customer or to an unconverted lead. */
    public long insert(Long customerId, Long leadId, Long contactId, String type, String subject, String body, Instant occurredAt,
                       Instant dueAt, Instant remindAt, long ownerId, long createdBy, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into activities (customer_id, lead_id, contact_id, type, subject, body, occurred_at, due_at, remind_at,
                    reminded, owner_id, created_by, version, created_at)
                values (:c, :l, :k, :type, :subject, :body, :occurred, :due, :remind, false, :owner, :by, 0, :now)""")
                .param("c", customerId).param("l", leadId).param("k", contactId).param("type", type).param("subject", subject).param("body", body)
                .param("occurred", ts(occurredAt)).param("due", ts(dueAt)).param("remind", ts(remindAt))
                .param("owner", ownerId).param("by", createdBy).param("now", ts(now))
                .update(keys, "id");
        counts.add(counts.key(occurredAt, ownerId, type), 1);
        return keys.getKey().longValue();
    }

    public Optional<ActivityView> find(long id) {
        return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(ActivityStore::row).optional();
    }

    /** A customer's timeline, newest first, keyset on (occurred_at, id). */
    public List<ActivityView> timeline(long customerId, Instant beforeTime, Long beforeId, String type, int limit) {
        String keyset = beforeTime == null ? "" : " and (a.occurred_at < :t or (a.occurred_at = :t and a.id < :i))";
        String typeClause = type == null ? "" : " and a.type = :type";
        var spec = jdbc.sql(SELECT + " where a.customer_id = :c" + keyset + typeClause
                        + " order by a.occurred_at desc, a.id desc limit :limit")
                .param("c", customerId).param("limit", limit);
        if (beforeTime != null) {
            spec = spec.param("t", ts(beforeTime)).param("i", beforeId);
        }
        if (type != null) {
            spec = spec.param("type", type);
        }
        return spec.query(ActivityStore::row).list();
    }

    /** A lead's timeline, newest first, keyset on (occurred_at, id) (index activities_lead_idx). */
    public List<ActivityView> leadTimeline(long leadId, Instant beforeTime, Long beforeId, int limit) {
        String keyset = beforeTime == null ? "" : " and (a.occurred_at < :t or (a.occurred_at = :t and a.id < :i))";
        var spec = jdbc.sql(SELECT + " where a.lead_id = :l" + keyset + " order by a.occurred_at desc, a.id desc limit :limit")
                .param("l", leadId).param("limit", limit);
        if (beforeTime != null) {
            spec = spec.param("t", ts(beforeTime)).param("i", beforeId);
        }
        return spec.query(ActivityStore::row).list();
    }

    /** Gives a converted lead's activities to its customer; they keep the lead id as where they began. */
    public List<Long> moveLeadToCustomer(long leadId, long customerId) {
        List<Long> ids = jdbc.sql("select id from activities where lead_id = :l and customer_id is null").param("l", leadId)
                .query(Long.class).list();
        jdbc.sql("update activities set customer_id = :c, version = version + 1 where lead_id = :l and customer_id is null")
                .param("c", customerId).param("l", leadId).update();
        return ids;
    }

    /** Open tasks of an owner, soonest due first (tasks without a due date last). */
    public List<ActivityView> openTasks(long ownerId, int limit) {
        return jdbc.sql(SELECT + " where a.owner_id = :o and a.type = 'task' and a.done_at is null order by a.due_at asc, a.id asc limit :limit")
                .param("o", ownerId).param("limit", limit).query(ActivityStore::row).list();
    }

    /** Open tasks that are overdue or whose reminder is due, counted up to {@code cap}. */
    public long countAlerts(long ownerId, Instant now, int cap) {
        return jdbc.sql("""
                select count(*) from (select 1 from activities where owner_id = :o and type = 'task' and done_at is null
                and (due_at < :now or remind_at <= :now) limit :cap) a""")
                .param("o", ownerId).param("now", ts(now)).param("cap", cap).query(Long.class).single();
    }

    /** An open task whose reminder time has come and that was not reminded yet. */
    public record DueReminder(long id, Long customerId, Long leadId, String subject, Instant dueAt, long ownerId) {
    }

    /** Due reminders, the longest-waiting first (index activities_reminder_due_idx). */
    public List<DueReminder> dueReminders(Instant now, int limit) {
        return jdbc.sql("""
                        select a.id, a.customer_id, a.lead_id, a.subject, a.due_at, a.owner_id from activities a
                        where a.reminded = false and a.done_at is null and a.remind_at <= :now and a.type = 'task'
                        order by a.remind_at, a.id
                        limit :limit""")
                .param("now", ts(now)).param("limit", limit)
                .query((rs, n) -> new DueReminder(rs.getLong("id"), rs.getObject("customer_id", Long.class),
                        rs.getObject("lead_id", Long.class), rs.getString("subject"),
                        inst(rs.getTimestamp("due_at")), rs.getLong("owner_id")))
                .list();
    }

    /**
     * Marks these reminders sent and returns the ids this call marked. Only one of two concurrent
     * runs can flip a row from not reminded to reminded; the other's update finds nothing and so
     * skips the row. Meant for the transaction that also writes the notifications, so a run that
     * dies leaves both undone.
     */
    public List<Long> claimReminders(List<Long> ids) {
        List<Object[]> args = ids.stream().map(id -> new Object[] {id}).toList();
        int[] counts = template.batchUpdate("update activities set reminded = true where id = ? and reminded = false", args);
        List<Long> claimed = new java.util.ArrayList<>(ids.size());
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 1) {
                claimed.add(ids.get(i));
            }
        }
        return claimed;
    }

    public void complete(long id, long expectedVersion, Instant at) {
        int n = jdbc.sql("update activities set done_at = :at, version = version + 1 where id = :id and version = :v")
                .param("at", ts(at)).param("id", id).param("v", expectedVersion).update();
        if (n == 0) {
            throw new StaleVersionException("activity", find(id).map(ActivityView::version).orElse(-1L));
        }
    }

    public void delete(long id) {
        List<Counted> rows = counted("id = :id", "id", id);
        if (!rows.isEmpty() && jdbc.sql("delete from activities where id = :id").param("id", id).update() == 1) {
            recount(rows, null);
        }
    }

    public int moveCustomer(Collection<Long> from, long to) {
        return jdbc.sql("update activities set customer_id = :to where customer_id in (:from)").param("to", to).param("from", from).update();
    }

    /** Deletes the customer's activities, those it had when this started (they are locked first). */
    public int deleteOfCustomer(long customerId) {
        List<Counted> rows = counted("customer_id = :c", "c", customerId);
        int n = byIds("delete from activities where id in (:ids)", rows, Map.of());
        recount(rows, null);
        return n;
    }

    public List<Long> openTaskIds(long ownerId) {
        return jdbc.sql("select id from activities where owner_id = :o and type = 'task' and done_at is null")
                .param("o", ownerId).query(Long.class).list();
    }

    public int reassignOpenTasks(long from, long to) {
        List<Counted> rows = counted("owner_id = :o and type = 'task' and done_at is null", "o", from);
        int n = byIds("update activities set owner_id = :to, version = version + 1 where id in (:ids)", rows, Map.of("to", to));
        recount(rows, to);
        return n;
    }

    public Map<String, Long> countsByType(long customerId) {
        return jdbc.sql("select type, count(*) from activities where customer_id = :c group by type").param("c", customerId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant inst(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static ActivityView row(ResultSet rs, int n) throws SQLException {
        return new ActivityView(rs.getLong("id"), rs.getObject("customer_id", Long.class), null, rs.getObject("contact_id", Long.class),
                rs.getString("type"), rs.getString("subject"), rs.getString("body"), inst(rs.getTimestamp("occurred_at")),
                inst(rs.getTimestamp("due_at")), inst(rs.getTimestamp("remind_at")), inst(rs.getTimestamp("done_at")),
                rs.getLong("owner_id"), null, rs.getLong("created_by"), rs.getLong("version"), inst(rs.getTimestamp("created_at")),
                rs.getObject("lead_id", Long.class));
    }
}
