package dev.rapport.sales.domain;

import dev.rapport.identity.OwnerScope;
import dev.rapport.platform.StaleVersionException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Approval requests on any record type (quotes now, contracts later), found by (record type, record id). */
@Repository
public class ApprovalStore {

    public record Row(long id, String recordType, long recordId, String recordLabel, String reason, long ownerId,
                      long requestedBy, String status, Long decidedBy, Instant decidedAt, String comment, long version,
                      Instant createdAt) {
    }

    private static final String SELECT = """
            select id, record_type, record_id, record_label, reason, owner_id, requested_by, status, decided_by, decided_at,
                   comment, version, created_at
            from approval_requests""";

    private final JdbcClient jdbc;

    public ApprovalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String recordType, long recordId, String label, String reason, long ownerId, long requestedBy, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into approval_requests (record_type, record_id, record_label, reason, owner_id, requested_by, status,
                    version, created_at)
                values (:type, :rid, :label, :reason, :owner, :by, 'pending', 0, :now)""")
                .param("type", recordType).param("rid", recordId).param("label", label).param("reason", reason)
                .param("owner", ownerId).param("by", requestedBy).param("now", Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void decide(long id, long version, String status, long decidedBy, String comment, Instant now) {
        int n = jdbc.sql("""
                update approval_requests set status = :s, decided_by = :by, decided_at = :now, comment = :c, version = version + 1
                where id = :id and version = :v and status = 'pending'""")
                .param("s", status).param("by", decidedBy).param("now", Timestamp.from(now)).param("c", comment)
                .param("id", id).param("v", version).update();
        if (n == 0) {
            throw new StaleVersionException("approval", find(id).map(Row::version).orElse(-1L));
        }
    }

    public Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(ApprovalStore::row).optional();
    }

    public Optional<Row> pendingFor(String recordType, long recordId) {
        return jdbc.sql(SELECT + " where record_type = :t and record_id = :r and status = 'pending' order by id desc limit 1")
                .param("t", recordType).param("r", recordId).query(ApprovalStore::row).optional();
    }

    public List<Row> ofRecord(String recordType, long recordId) {
        return jdbc.sql(SELECT + " where record_type = :t and record_id = :r order by id desc")
                .param("t", recordType).param("r", recordId).query(ApprovalStore::row).list();
    }

    /** Pending requests of these record types whose record owner is in the scope, oldest first (keyset on id). */
    public List<Row> pending(List<String> recordTypes, OwnerScope scope, long excludeRequester, Long afterId, int limit) {
        String sql = SELECT + " where status = 'pending' and record_type in (:types) and requested_by <> :me"
                + (scope.isAll() ? "" : " and owner_id in (:owners)") + (afterId == null ? "" : " and id > :after")
                + " order by id limit :limit";
        var spec = jdbc.sql(sql).param("types", recordTypes).param("me", excludeRequester).param("limit", limit);
        if (!scope.isAll()) {
            spec = spec.param("owners", scope.owners());
        }
        if (afterId != null) {
            spec = spec.param("after", afterId);
        }
        return spec.query(ApprovalStore::row).list();
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Row(rs.getLong("id"), rs.getString("record_type"), rs.getLong("record_id"), rs.getString("record_label"),
                rs.getString("reason"), rs.getLong("owner_id"), rs.getLong("requested_by"), rs.getString("status"),
                rs.getObject("decided_by", Long.class), decided == null ? null : decided.toInstant(), rs.getString("comment"),
                rs.getLong("version"), rs.getTimestamp("created_at").toInstant());
    }

    /** Pending requests on these records follow them to a new owner. */
    public void reassignPending(String recordType, List<Long> recordIds, long toOwner) {
        if (!recordIds.isEmpty()) {
            jdbc.sql("update approval_requests set owner_id = :to, version = version + 1 where record_type = :t and status = 'pending' and record_id in (:ids)")
                    .param("to", toOwner).param("t", recordType).param("ids", recordIds).update();
        }
    }
}
