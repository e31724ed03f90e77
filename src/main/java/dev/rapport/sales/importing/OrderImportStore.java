package dev.rapport.sales.importing;

import dev.rapport.platform.ChunkedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Order imports, their uploaded files (1 MiB chunks in the database) and their per-row rejects. */
@Repository
class OrderImportStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ChunkedFiles chunks;

    OrderImportStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
        this.chunks = new ChunkedFiles(jdbc, "sales_order_import_chunks");
    }

    long insert(String fileName, String format, String matchOn, String mapping, long by, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into sales_order_imports (file_name, format, match_on, mapping, status, created_by, created_at)
                values (:f, :fmt, :m, :map, 'uploaded', :by, :now)""")
                .param("f", fileName).param("fmt", format).param("m", matchOn).param("map", mapping).param("by", by)
                .param("now", Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    long saveFile(long id, InputStream in) throws IOException {
        long size = chunks.save(id, in);
        jdbc.sql("update sales_order_imports set file_size = :s, work_total = :s where id = :id").param("s", size).param("id", id).update();
        return size;
    }

    /** A stream over the stored file that holds one chunk in memory at a time. */
    InputStream file(long id) {
        return chunks.open(id);
    }

    Optional<OrderImportView> find(long id) {
        return jdbc.sql("select * from sales_order_imports where id = :id").param("id", id).query(OrderImportStore::view).optional();
    }

    List<OrderImportView> recent(long userId, int limit) {
        return jdbc.sql("select * from sales_order_imports where created_by = :u order by id desc limit :l")
                .param("u", userId).param("l", limit).query(OrderImportStore::view).list();
    }

    private static OrderImportView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new OrderImportView(rs.getLong("id"), rs.getString("file_name"), rs.getString("format"),
                rs.getString("match_on"), rs.getString("mapping"), rs.getString("status"), rs.getLong("file_size"),
                rs.getLong("last_line"), rs.getLong("work_done"), rs.getLong("work_total"), rs.getLong("created"),
                rs.getLong("skipped"), rs.getLong("rejected"), rs.getString("failure"), rs.getLong("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant());
    }

    void setTotal(long id, long rows) {
        jdbc.sql("update sales_order_imports set work_total = :t where id = :id").param("t", rows).param("id", id).update();
    }

    void setMapping(long id, String mapping, String matchOn) {
        jdbc.sql("update sales_order_imports set mapping = :m, match_on = :k where id = :id")
                .param("m", mapping).param("k", matchOn).param("id", id).update();
    }

    /** Moves an upload to running; false when another call already started it. */
    boolean start(long id) {
        return jdbc.sql("update sales_order_imports set status = 'running' where id = :id and status = 'uploaded'").param("id", id).update() == 1;
    }

    /** The checkpoint and counts after a batch, written in the batch's transaction. */
    void checkpoint(long id, long lastLine, long rowsDone, long created, long skipped, long rejected) {
        jdbc.sql("""
                update sales_order_imports set last_line = :l, work_done = :w, created = created + :c, skipped = skipped + :s,
                    rejected = rejected + :r where id = :id""")
                .param("l", lastLine).param("w", rowsDone).param("c", created).param("s", skipped).param("r", rejected)
                .param("id", id).update();
    }

    void finish(long id, String status, String failure, Instant now) {
        jdbc.sql("update sales_order_imports set status = :s, failure = :f, finished_at = :now where id = :id")
                .param("s", status).param("f", failure).param("now", Timestamp.from(now)).param("id", id).update();
        chunks.delete(id);
    }

    void reject(long id, List<OrderImportError> errors) {
        template.batchUpdate("insert into sales_order_import_errors (import_id, line, outcome, reason, detail, raw) values (?, ?, ?, ?, ?, ?)",
                errors.stream().map(e -> new Object[] {id, e.line(), e.outcome(), e.reason(), clip(e.detail(), 500), clip(e.raw(), 2000)}).toList());
    }

    List<OrderImportError> errors(long id, long afterId, int limit) {
        return jdbc.sql("select id, line, outcome, reason, detail, raw from sales_order_import_errors where import_id = :i and id > :a order by id limit :l")
                .param("i", id).param("a", afterId).param("l", limit)
                .query((rs, n) -> new OrderImportError(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
