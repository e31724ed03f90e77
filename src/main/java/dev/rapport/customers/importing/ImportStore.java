package dev.rapport.customers.importing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the imports and import_errors tables. Progress lives here so every node can read it. */
@Repository
class ImportStore {

    /** A rejected row: where it is in the file, why (encoded, see {@link RejectReason}), and its text. */
    record RejectedRow(long line, String reason, String raw) {
    }

    private static final String COLUMNS = """
            id, user_id, file_name, record_type, mode, match_on, status, total_rows, processed, created, updated, skipped,
            rejected, message, created_at, started_at, finished_at, stored_file, mapping""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ImportStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    long insert(long userId, String fileName, String type, String mode, String matchOn, String status, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into imports (user_id, file_name, record_type, mode, match_on, status, created_at)
                values (:user, :file, :type, :mode, :match, :status, :now)""")
                .param("user", userId).param("file", fileName).param("type", type).param("mode", mode)
                .param("match", matchOn).param("status", status).param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void setFile(long id, String storedFile, List<String> fields) {
        jdbc.sql("update imports set stored_file = :f, mapping = :m where id = :id")
                .param("f", storedFile).param("m", fields == null ? null : String.join("\n", fields)).param("id", id).update();
    }

    void configure(long id, String mode, String matchOn, List<String> fields, String status) {
        jdbc.sql("update imports set mode = :mode, match_on = :match, mapping = :m, status = :s where id = :id")
                .param("mode", mode).param("match", matchOn).param("m", String.join("\n", fields)).param("s", status)
                .param("id", id).update();
    }

    void start(long id, long totalRows, Instant now) {
        jdbc.sql("update imports set status = 'running', total_rows = :t, started_at = :now where id = :id")
                .param("t", totalRows).param("now", Timestamp.from(now)).param("id", id).update();
    }

    void progress(long id, ImportCounts c) {
        jdbc.sql("""
                update imports set processed = :p, created = :c, updated = :u, skipped = :s, rejected = :r where id = :id""")
                .param("p", c.processed()).param("c", c.created()).param("u", c.updated()).param("s", c.skipped())
                .param("r", c.rejected()).param("id", id).update();
    }

    void finish(long id, String status, String message, Instant now) {
        jdbc.sql("update imports set status = :s, message = :m, finished_at = :now where id = :id")
                .param("s", status).param("m", message == null || message.length() <= 1000 ? message : message.substring(0, 1000))
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    Optional<ImportJob> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from imports where id = :id").param("id", id).query(ImportStore::row).optional();
    }

    /** Newest first; a null user means everyone's (for admins). */
    List<ImportJob> list(Long userId, int limit) {
        String where = userId == null ? "" : " where user_id = :user";
        var spec = jdbc.sql("select " + COLUMNS + " from imports" + where + " order by id desc limit :limit").param("limit", limit);
        if (userId != null) {
            spec = spec.param("user", userId);
        }
        return spec.query(ImportStore::row).list();
    }

    void insertErrors(long importId, List<RejectedRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        template.batchUpdate("insert into import_errors (import_id, line, reason, raw) values (?, ?, ?, ?)",
                rows.stream().map(r -> new Object[] {importId, r.line(), clip(r.reason(), 1000), clip(r.raw(), 1000)}).toList());
    }

    /** Rejected rows after a line number, in line order (keyset paging). */
    List<RejectedRow> errors(long importId, long afterLine, int limit) {
        return jdbc.sql("""
                select line, reason, raw from import_errors where import_id = :id and line > :after order by line limit :limit""")
                .param("id", importId).param("after", afterLine).param("limit", limit)
                .query((rs, n) -> new RejectedRow(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static ImportJob row(ResultSet rs, int n) throws SQLException {
        String mapping = rs.getString("mapping");
        return new ImportJob(rs.getLong("id"), rs.getLong("user_id"), rs.getString("file_name"), rs.getString("record_type"),
                rs.getString("mode"), rs.getString("match_on"), rs.getString("status"), rs.getLong("total_rows"),
                rs.getLong("processed"), rs.getLong("created"), rs.getLong("updated"), rs.getLong("skipped"),
                rs.getLong("rejected"), rs.getString("message"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"), rs.getString("stored_file"),
                mapping == null ? List.of() : Arrays.asList(mapping.split("\n", -1)));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
