package dev.rapport.platform;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Writes many rows into one table as fast as the database allows and returns their generated
 * ids in row order: PostgreSQL COPY (ids reserved from the table's identity sequence first, so
 * concurrent inserts by the application stay safe), JDBC batches elsewhere. Joins the current
 * transaction. Only the owning module calls it for its own tables.
 * Values may be String, Number, Boolean, Instant, LocalDate or null.
 */
@Component
public class BulkInsert {

    private static final int COPY_BUFFER = 1 << 16;

    /**
     * Fewer rows than this go as one JDBC batch on PostgreSQL too: a COPY costs the server about
     * 0.4 ms however few its rows (measured with pg_stat_statements: a one-row COPY into
     * customer_tags took 0.45 ms, a batched insert of the same row a fraction of that).
     */
    static final int COPY_FROM_ROWS = 50;

    private final DataSource dataSource;

    public BulkInsert(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code work} with the tables' secondary indexes dropped and builds them again afterwards,
     * also when the work fails. Building an index once over millions of rows is several times faster
     * than keeping it up to date row by row (the trigram indexes above all). PostgreSQL only;
     * elsewhere it just runs the work. Only for loads into tables nobody else is using yet: while the
     * work runs, queries on these tables are slow, and a killed process leaves them without indexes.
     */
    public void withIndexesDeferred(List<String> tables, Runnable work) {
        List<String[]> indexes = new ArrayList<>();
        Connection con = DataSourceUtils.getConnection(dataSource);
        try {
            if (!con.isWrapperFor(PGConnection.class)) {
                work.run();
                return;
            }
            try (PreparedStatement ps = con.prepareStatement(
                    "select indexname, indexdef, tablename from pg_indexes where schemaname = current_schema()"
                    + " and tablename = any (?) and indexname not in (select conname from pg_constraint)")) {
                ps.setArray(1, con.createArrayOf("text", tables.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        indexes.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                    }
                }
            }
            try (var st = con.createStatement()) {
                for (String[] index : indexes) {
                    st.execute("drop index " + index[0]);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not defer indexes: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(con, dataSource);
        }
        try {
            work.run();
        } finally {
            rebuild(indexes, tables);
        }
    }

    private void rebuild(List<String[]> indexes, List<String> tables) {
        Connection con = DataSourceUtils.getConnection(dataSource);
        try (var st = con.createStatement()) {
            st.execute("set maintenance_work_mem = '256MB'");
            for (String[] index : indexes) {
                st.execute(index[1]);
            }
            st.execute("reset maintenance_work_mem");
            for (String table : tables) {
                st.execute("analyze " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not rebuild indexes: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(con, dataSource);
        }
    }

    /** Whether the table has any row; cheap on any size. */
    public boolean exists(String table) {
        Connection con = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement ps = con.prepareStatement("select 1 from " + table + " limit 1"); ResultSet rs = ps.executeQuery()) {
            return rs.next();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(con, dataSource);
        }
    }

    public List<Long> insert(String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Connection con = DataSourceUtils.getConnection(dataSource);
        try {
            if (rows.size() < COPY_FROM_ROWS || !con.isWrapperFor(PGConnection.class)) {
                return batch(con, table, columns, rows, true);
            }
            List<Long> ids = reserveIds(con, table, rows.size());
            copy(con, table, columns, rows, ids);
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("bulk insert into " + table + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(con, dataSource);
        }
    }

    /**
     * Like {@link #insert} for rows nobody needs the ids of (history, audit, report rows): the
     * table's own default fills any id column, which spares reserving ids first.
     */
    public void append(String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Connection con = DataSourceUtils.getConnection(dataSource);
        try {
            if (rows.size() >= COPY_FROM_ROWS && con.isWrapperFor(PGConnection.class)) {
                copy(con, table, columns, rows, null);
            } else {
                batch(con, table, columns, rows, false);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("bulk insert into " + table + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(con, dataSource);
        }
    }

    private static List<Long> reserveIds(Connection con, String table, int count) throws SQLException {
        List<Long> ids = new ArrayList<>(count);
        try (PreparedStatement ps = con.prepareStatement(
                "select nextval(pg_get_serial_sequence(?, 'id')) from generate_series(1, ?)")) {
            ps.setString(1, table);
            ps.setInt(2, count);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        ids.sort(null);
        return ids;
    }

    /** COPY of the rows; with {@code ids}, each row is preceded by its id. */
    private static void copy(Connection con, String table, List<String> columns, List<Object[]> rows, List<Long> ids)
            throws SQLException {
        CopyIn copy = con.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + table + " (" + (ids == null ? "" : "id, ") + String.join(", ", columns) + ") from stdin");
        try {
            CopyText text = new CopyText();
            for (int r = 0; r < rows.size(); r++) {
                Object[] row = rows.get(r);
                if (ids != null) {
                    text.value(ids.get(r));
                    text.separator('\t');
                }
                for (int c = 0; c < row.length; c++) {
                    if (c > 0) {
                        text.separator('\t');
                    }
                    text.value(row[c]);
                }
                text.separator('\n');
                if (text.length >= COPY_BUFFER) {
                    copy.writeToCopy(text.bytes, 0, text.length);
                    text.length = 0;
                }
            }
            copy.writeToCopy(text.bytes, 0, text.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /**
     * COPY's text format, encoded to UTF-8 as it is written: going through a StringBuilder, a
     * String and its bytes made three copies of every row, which was most of what a bulk load
     * allocated. Timestamps repeat within a load, so the last one's text is reused.
     */
    static final class CopyText {
        byte[] bytes = new byte[COPY_BUFFER + 8192];
        int length;
        private Object lastTime;
        private String lastTimeText;

        void separator(char c) {
            ensure(1);
            bytes[length++] = (byte) c;
        }

        /** A value: \N for null, t/f, numbers, ISO-8601 instants (timestamptz accepts them as is) and dates, or escaped text. */
        void value(Object v) {
            if (v == null) {
                ascii("\\N");
            } else if (v instanceof Boolean b) {
                separator(b ? 't' : 'f');
            } else if (v instanceof Number) {
                ascii(v.toString());
            } else if (v instanceof Instant || v instanceof LocalDate) {
                if (!v.equals(lastTime)) {
                    lastTime = v;
                    lastTimeText = v.toString();
                }
                ascii(lastTimeText);
            } else {
                text(v.toString());
            }
        }

        private void ascii(String s) {
            ensure(s.length());
            for (int i = 0; i < s.length(); i++) {
                bytes[length++] = (byte) s.charAt(i);
            }
        }

        private void text(String s) {
            ensure(s.length() * 3);
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    switch (c) {
                        case '\\' -> escape('\\');
                        case '\t' -> escape('t');
                        case '\n' -> escape('n');
                        case '\r' -> escape('r');
                        default -> bytes[length++] = (byte) c;
                    }
                } else if (c < 0x800) {
                    bytes[length++] = (byte) (0xC0 | c >> 6);
                    bytes[length++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    bytes[length++] = (byte) (0xF0 | cp >> 18);
                    bytes[length++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    bytes[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    bytes[length++] = (byte) (0x80 | cp & 0x3F);
                } else if (Character.isSurrogate(c)) {
                    // an unpaired surrogate has no UTF-8 form; String.getBytes writes '?' for it too
                    bytes[length++] = '?';
                } else {
                    bytes[length++] = (byte) (0xE0 | c >> 12);
                    bytes[length++] = (byte) (0x80 | c >> 6 & 0x3F);
                    bytes[length++] = (byte) (0x80 | c & 0x3F);
                }
            }
        }

        private void escape(char c) {
            bytes[length++] = '\\';
            bytes[length++] = (byte) c;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }

    private static List<Long> batch(Connection con, String table, List<String> columns, List<Object[]> rows, boolean withIds)
            throws SQLException {
        String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + "?, ".repeat(columns.size() - 1) + "?)";
        List<Long> ids = new ArrayList<>(withIds ? rows.size() : 0);
        try (PreparedStatement ps = withIds ? con.prepareStatement(sql, new String[] {"id"}) : con.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    bind(ps, i + 1, row[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
            if (withIds) {
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    while (keys.next()) {
                        ids.add(keys.getLong(1));
                    }
                }
            }
        }
        return ids;
    }

    private static void bind(PreparedStatement ps, int i, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.NULL);
        } else if (v instanceof Instant t) {
            ps.setTimestamp(i, Timestamp.from(t));
        } else if (v instanceof LocalDate d) {
            ps.setDate(i, Date.valueOf(d));
        } else {
            ps.setObject(i, v);
        }
    }
}
