package dev.rapport.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
            if (!con.isWrapperFor(PGConnection.class)) {
                return batch(con, table, columns, rows, true);
            }
            List<Long> ids = reserveIds(con, table, rows.size());
            copy(con, table, columns, rows, ids);
            return ids;
        } catch (SQLException | IOException e) {
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
            if (con.isWrapperFor(PGConnection.class)) {
                copy(con, table, columns, rows, null);
            } else {
                batch(con, table, columns, rows, false);
            }
        } catch (SQLException | IOException e) {
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
            throws SQLException, IOException {
        CopyIn copy = con.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + table + " (" + (ids == null ? "" : "id, ") + String.join(", ", columns) + ") from stdin");
        try {
            StringBuilder sb = new StringBuilder(COPY_BUFFER + 4096);
            for (int r = 0; r < rows.size(); r++) {
                Object[] row = rows.get(r);
                if (ids != null) {
                    sb.append(ids.get(r)).append('\t');
                }
                for (int c = 0; c < row.length; c++) {
                    if (c > 0) {
                        sb.append('\t');
                    }
                    appendCopyValue(sb, row[c]);
                }
                sb.append('\n');
                if (sb.length() >= COPY_BUFFER) {
                    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    sb.setLength(0);
                }
            }
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    static void appendCopyValue(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("\\N");
        } else if (v instanceof Boolean b) {
            sb.append(b ? 't' : 'f');
        } else if (v instanceof Number || v instanceof Instant || v instanceof LocalDate) {
            // Instant prints as ISO-8601 UTC (2025-01-02T03:04:05Z), which timestamptz accepts as is
            sb.append(v);
        } else {
            String s = v.toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> sb.append("\\\\");
                    case '\t' -> sb.append("\\t");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    default -> sb.append(c);
                }
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
