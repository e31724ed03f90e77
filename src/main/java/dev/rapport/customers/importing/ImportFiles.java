package dev.rapport.customers.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Uploaded files in the import_file_chunks table, in chunks of {@value #CHUNK} bytes, written and
 * read one chunk at a time so a file of any size passes in bounded memory, on H2 and PostgreSQL
 * alike. Any node can read what another node stored.
 */
@Repository
class ImportFiles {

    static final int CHUNK = 1 << 20;

    private final JdbcClient jdbc;

    ImportFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the stream as the file of an import; returns its length in bytes. */
    long save(long importId, InputStream in) throws IOException {
        long size = 0;
        int seq = 0;
        byte[] chunk = in.readNBytes(CHUNK);
        while (chunk.length > 0) {
            jdbc.sql("insert into import_file_chunks (import_id, seq, data) values (:id, :seq, :data)")
                    .param("id", importId).param("seq", seq++).param("data", chunk).update();
            size += chunk.length;
            chunk = in.readNBytes(CHUNK);
        }
        return size;
    }

    /** The stored file of an import; {@code size} is the length recorded at upload. */
    FileContent content(long importId, long size) {
        return new FileContent() {
            @Override
            public InputStream open() {
                return new ChunkStream(importId);
            }

            @Override
            public long size() {
                return size;
            }
        };
    }

    void delete(long importId) {
        jdbc.sql("delete from import_file_chunks where import_id = :id").param("id", importId).update();
    }

    /** Files of imports that have ended; normally none, since an import deletes its file as it ends. */
    void deleteOfFinished() {
        jdbc.sql("delete from import_file_chunks where import_id in (select id from imports where status in ('done', 'failed'))")
                .update();
    }

    /** Reads the next chunk only when the previous one is used up. */
    private final class ChunkStream extends InputStream {
        private final long importId;
        private byte[] chunk = new byte[0];
        private int pos;
        private int nextSeq;
        private boolean ended;

        ChunkStream(long importId) {
            this.importId = importId;
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            return chunk[pos++] & 0xFF;
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

        private boolean fill() {
            while (pos >= chunk.length) {
                if (ended) {
                    return false;
                }
                List<byte[]> next = jdbc.sql("select data from import_file_chunks where import_id = :id and seq = :seq")
                        .param("id", importId).param("seq", nextSeq++).query((rs, n) -> rs.getBytes(1)).list();
                if (next.isEmpty()) {
                    ended = true;
                    chunk = new byte[0];
                    return false;
                }
                chunk = next.get(0);
                pos = 0;
            }
            return true;
        }
    }
}
