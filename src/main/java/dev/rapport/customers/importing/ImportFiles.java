package dev.rapport.customers.importing;

import dev.rapport.platform.ChunkedFiles;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Uploaded files in the import_file_chunks table (see {@link ChunkedFiles}): any node can read what
 * another node stored, in bounded memory.
 */
@Repository
class ImportFiles {

    private final JdbcClient jdbc;
    private final ChunkedFiles chunks;

    ImportFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.chunks = new ChunkedFiles(jdbc, "import_file_chunks");
    }

    /** Stores the stream as the file of an import; returns its length in bytes. */
    long save(long importId, InputStream in) throws IOException {
        return chunks.save(importId, in);
    }

    /** The stored file of an import; {@code size} is the length recorded at upload. */
    FileContent content(long importId, long size) {
        return new FileContent() {
            @Override
            public InputStream open() {
                return chunks.open(importId);
            }

            @Override
            public long size() {
                return size;
            }
        };
    }

    void delete(long importId) {
        chunks.delete(importId);
    }

    /** Files of imports that have ended; normally none, since an import deletes its file as it ends. */
    void deleteOfFinished() {
        jdbc.sql("delete from import_file_chunks where import_id in (select id from imports where status in ('done', 'failed'))")
                .update();
    }
}
