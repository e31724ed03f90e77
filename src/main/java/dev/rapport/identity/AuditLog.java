package dev.rapport.identity;

import dev.rapport.platform.BulkInsert;
import dev.rapport.platform.Cursor;
import dev.rapport.platform.CursorPage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Records who changed what and when. Every module writes here in the same transaction as the
 * change, so a change and its history are never apart. Values are stored as text, truncated to
 * 2,000 characters.
 */
@Service
public class AuditLog {

    public record Change(String field, Object oldValue, Object newValue) {
    }

    private static final String INSERT = """
            insert into audit_log (entity_type, entity_id, action, field, old_value, new_value, actor_id, at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final List<String> COLUMNS = List.of("entity_type", "entity_id", "action", "field", "old_value", "new_value",
            "actor_id", "at");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final BulkInsert bulk;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, JdbcTemplate template, BulkInsert bulk, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.bulk = bulk;
        this.clock = clock;
    }

    /** Records an action with no field detail (e.g. delete, import). */
    public void record(String entityType, long entityId, String action, Long actorId, String note) {
        template.update(INSERT, entityType, entityId, action, null, null, clip(note), actorId, Timestamp.from(clock.instant()));
    }

    /** Records the changed fields of one record; unchanged fields are skipped. */
    public void recordChanges(String entityType, long entityId, String action, Long actorId, List<Change> changes) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>();
        addChanges(rows, entityType, entityId, action, actorId, changes, now);
        if (!rows.isEmpty()) {
            template.batchUpdate(INSERT, rows);
        }
    }

    /**
     * {@link #recordChanges} for many records at once (an import updating thousands), written with
     * COPY on PostgreSQL.
     */
    public void recordChanges(String entityType, Map<Long, List<Change>> changesById, String action, Long actorId) {
        Instant now = clock.instant();
        List<Object[]> rows = new ArrayList<>();
        changesById.forEach((id, changes) -> addChanges(rows, entityType, id, action, actorId, changes, now));
        bulk.append("audit_log", COLUMNS, rows);
    }

    /** Unchanged fields are skipped; an action other than update that changed nothing is still recorded once. */
    private static void addChanges(List<Object[]> rows, String entityType, long entityId, String action, Long actorId,
                                   List<Change> changes, Object now) {
        int before = rows.size();
        for (Change c : changes) {
            if (!Objects.equals(text(c.oldValue()), text(c.newValue()))) {
                rows.add(new Object[] {entityType, entityId, action, c.field(), clip(text(c.oldValue())), clip(text(c.newValue())), actorId, now});
            }
        }
        if (rows.size() == before && !"update".equals(action)) {
            rows.add(new Object[] {entityType, entityId, action, null, null, null, actorId, now});
        }
    }

    /**
     * Records the same action for many records at once (bulk owner change, import), written with
     * COPY on PostgreSQL: an import of a million rows writes a million of these.
     */
    public void recordBulk(String entityType, List<Long> entityIds, String action, Long actorId, String field,
                           Map<Long, String> oldValues, String newValue) {
        Instant now = clock.instant();
        String value = clip(newValue);
        List<Object[]> rows = new ArrayList<>(entityIds.size());
        for (Long id : entityIds) {
            rows.add(new Object[] {entityType, id, action, field, oldValues == null ? null : clip(oldValues.get(id)), value, actorId, now});
        }
        bulk.append("audit_log", COLUMNS, rows);
    }

    /** The history of one record, newest first, keyset-paged. */
    public CursorPage<AuditEntry> history(String entityType, long entityId, String cursor, int limit) {
        return history(entityType, List.of(entityId), cursor, limit);
    }

    /** The history of a record together with the records merged into it, newest first. */
    public CursorPage<AuditEntry> history(String entityType, java.util.Collection<Long> entityIds, String cursor, int limit) {
        long before = cursor == null ? Long.MAX_VALUE : Cursor.decode(cursor).id();
        List<AuditEntry> rows = jdbc.sql("""
                        select a.id, a.entity_type, a.entity_id, a.action, a.field, a.old_value, a.new_value,
                               a.actor_id, u.name as actor_name, a.at
                        from audit_log a left join users u on u.id = a.actor_id
                        where a.entity_type = :type and a.entity_id in (:ids) and a.id < :before
                        order by a.id desc
                        limit :limit""")
                .param("type", entityType).param("ids", entityIds).param("before", before).param("limit", limit + 1)
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getString("entity_type"), rs.getLong("entity_id"),
                        rs.getString("action"), rs.getString("field"), rs.getString("old_value"), rs.getString("new_value"),
                        (Long) rs.getObject("actor_id", Long.class), rs.getString("actor_name"),
                        rs.getTimestamp("at").toInstant()))
                .list();
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = new Cursor(null, rows.get(limit - 1).id()).encode();
        }
        return new CursorPage<>(rows, next);
    }

    public Instant now() {
        return clock.instant();
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static String clip(String value) {
        return value == null || value.length() <= 2000 ? value : value.substring(0, 2000);
    }
}
