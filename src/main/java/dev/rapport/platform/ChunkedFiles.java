package dev.rapport.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Files kept in a database table of chunks ({@code import_id, seq, data}), written and read one
 * chunk of {@value #CHUNK} bytes at a time, so a file of any size passes in bounded memory, on H2
 * and PostgreSQL alike, and any node reads what another stored. Each module owns its chunk table
 * and makes one of these for it.
 */
public final class ChunkedFiles {

    public static final int CHUNK = 1 << 20;
    private static final Pattern TABLE = Pattern.compile("[a-z_]+");

    private final JdbcClient jdbc;
    private final String insert;
    private final String select;
    private final String delete;

    /** {@code table} is a fixed name from the owning module's code, never user input. */
    public ChunkedFiles(JdbcClient jdbc, String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        this.jdbc = jdbc;
        this.insert = "insert into " + table + " (import_id, seq, data) values (:id, :seq, :data)";
        this.select = "select data from " + table + " where import_id = :id and seq = :seq";
        this.delete = "delete from " + table + " where import_id = :id";
    }

    /** Stores the stream as the file of {@code fileId}; returns its length in bytes. */
    public long save(long fileId, InputStream in) throws IOException {
        long size = 0;
        int seq = 0;
        byte[] chunk = in.readNBytes(CHUNK);
        while (chunk.length > 0) {
            jdbc.sql(insert).param("id", fileId).param("seq", seq++).param("data", chunk).update();
            size += chunk.length;
            chunk = in.readNBytes(CHUNK);
        }
        return size;
    }

    /** A stream over the stored file that holds one chunk in memory at a time. */
    public InputStream open(long fileId) {
        return new ChunkStream(fileId);
    }

    public void delete(long fileId) {
        jdbc.sql(delete).param("id", fileId).update();
    }

    private final class ChunkStream extends InputStream {
        private final long fileId;
        private byte[] chunk = new byte[0];
        private int pos;
        private int nextSeq;
        private boolean ended;

        ChunkStream(long fileId) {
            this.fileId = fileId;
        }

        @Override
        public int read() {
            return fill() ? chunk[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            return n;
        }

        /** Reads the next chunk only when the previous one is used up. */
        private boolean fill() {
            while (pos >= chunk.length) {
                if (ended) {
                    return false;
                }
                List<byte[]> next = jdbc.sql(select).param("id", fileId).param("seq", nextSeq++).query((rs, n) -> rs.getBytes(1)).list();
                if (next.isEmpty()) {
                    ended = true;
                    chunk = new byte[0];
                    pos = 0;
                    return false;
                }
                chunk = next.get(0);
                pos = 0;
            }
            return true;
        }
    }
}
