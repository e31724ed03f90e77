package dev.rapport.customers.importing;

import dev.rapport.platform.BulkInsert;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the imports and import_errors tables. Progress lives here so every node can read it. */
@Repository
class ImportStore {

    static final String REJECTED = "rejected";
    static final String SKIPPED = "skipped";

    /** A rejected or skipped row: where it is in the file, why (encoded, see {@link RejectReason}), and its text. */
    record ReportedRow(long line, String outcome, String reason, String raw) {
    }

    private static final String COLUMNS = """
            id, user_id, file_name, record_type, mode, match_on, status, total_rows, processed, created, updated, skipped,
            rejected, message, created_at, started_at, finished_at, mapping, file_size, last_line, work_done, work_total""";
    private static final List<String> REPORT_COLUMNS = List.of("import_id", "line", "outcome", "reason", "raw");

    private final JdbcClient jdbc;
    private final BulkInsert bulk;

    ImportStore(JdbcClient jdbc, BulkInsert bulk) {
        this.jdbc = jdbc;
        this.bulk = bulk;
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

    void setFile(long id, long size, List<String> fields) {
        jdbc.sql("update imports set file_size = :size, mapping = :m where id = :id")
                .param("size", size).param("m", fields == null ? null : String.join("\n", fields)).param("id", id).update();
    }

    /** Fixes the choices of an import still in preview; false when it has been started meanwhile. */
    boolean configure(long id, String mode, String matchOn, List<String> fields, String status) {
        return jdbc.sql("""
                update imports set mode = :mode, match_on = :match, mapping = :m, status = :s
                where id = :id and status = 'preview'""")
                .param("mode", mode).param("match", matchOn).param("m", String.join("\n", fields)).param("s", status)
                .param("id", id).update() == 1;
    }

    /** Marks a queued (or resumed) import as running; false when it is finished already. */
    boolean start(long id, long workTotal, Instant now) {
        return jdbc.sql("""
                update imports set status = 'running', work_total = :t, started_at = coalesce(started_at, :now)
                where id = :id and status in ('queued', 'running')""")
                .param("t", workTotal).param("now", Timestamp.from(now)).param("id", id).update() == 1;
    }

    /**
     * Records a committed batch: the last line it covered and its counts, in the batch's own
     * transaction. False when the checkpoint is no longer {@code expectedLine}: another run of the
     * same import got there first, and this batch must be rolled back.
     */
    boolean checkpoint(long id, long expectedLine, long lastLine, ImportCounts batch, long workDone) {
        return jdbc.sql("""
                update imports set last_line = :line, work_done = :w, processed = processed + :p, created = created + :c,
                    updated = updated + :u, skipped = skipped + :s, rejected = rejected + :r
                where id = :id and last_line = :expected and status = 'running'""")
                .param("line", lastLine).param("w", workDone).param("p", batch.processed()).param("c", batch.created())
                .param("u", batch.updated()).param("s", batch.skipped()).param("r", batch.rejected())
                .param("id", id).param("expected", expectedLine).update() == 1;
    }

    void finish(long id, String status, String message, Instant now) {
        jdbc.sql("""
                update imports set status = :s, message = :m, finished_at = :now, total_rows = processed,
                    work_done = case when :s = 'done' then work_total else work_done end
                where id = :id""")
                .param("s", status).param("m", message == null || message.length() <= 1000 ? message : message.substring(0, 1000))
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    /** Fails imports still in preview that were uploaded before {@code cutoff}; returns how many. */
    int expirePreviews(Instant cutoff, Instant now) {
        return jdbc.sql("""
                update imports set status = 'failed', message = 'not started within a week; upload the file again',
                    finished_at = :now
                where status = 'preview' and created_at < :cutoff""")
                .param("now", Timestamp.from(now)).param("cutoff", Timestamp.from(cutoff)).update();
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

    /** Rejected and skipped rows of one batch, written with COPY on PostgreSQL (a re-import may skip every row). */
    void insertReported(long importId, List<ReportedRow> rows) {
        bulk.append("import_errors", REPORT_COLUMNS, rows.stream()
                .map(r -> new Object[] {importId, r.line(), r.outcome(), clip(r.reason(), 1000), clip(r.raw(), 1000)}).toList());
    }

    /** Reported rows of one outcome after a line number, in line order (keyset paging). */
    List<ReportedRow> reported(long importId, String outcome, long afterLine, int limit) {
        return jdbc.sql("""
                select line, outcome, reason, raw from import_errors
                where import_id = :id and outcome = :outcome and line > :after order by line limit :limit""")
                .param("id", importId).param("outcome", outcome).param("after", afterLine).param("limit", limit)
                .query((rs, n) -> new ReportedRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    /** Report text is shown, not parsed; a NUL byte from a damaged file would only make the row unwritable. */
    private static String clip(String s, int max) {
        if (s == null) {
            return null;
        }
        String t = s.indexOf('\u0000') >= 0 ? s.replace('\u0000', ' ') : s;
        return t.length() <= max ? t : t.substring(0, max);
    }

    private static ImportJob row(ResultSet rs, int n) throws SQLException {
        String mapping = rs.getString("mapping");
        return new ImportJob(rs.getLong("id"), rs.getLong("user_id"), rs.getString("file_name"), rs.getString("record_type"),
                rs.getString("mode"), rs.getString("match_on"), rs.getString("status"), rs.getLong("total_rows"),
                rs.getLong("processed"), rs.getLong("created"), rs.getLong("updated"), rs.getLong("skipped"),
                rs.getLong("rejected"), rs.getString("message"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"), mapping == null ? List.of() : Arrays.asList(mapping.split("\n", -1)),
                rs.getLong("file_size"), rs.getLong("last_line"), rs.getLong("work_done"), rs.getLong("work_total"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
