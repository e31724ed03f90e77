package dev.rapport.customers.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes of an import file, readable from the start as often as needed: an upload stored in
 * the database (any node can read it) or, for the command line, a file on the local disk.
 */
interface FileContent {

    /** A new stream over the whole file; the caller closes it. */
    InputStream open() throws IOException;

    /** The file's length in bytes. */
    long size();

    static FileContent of(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FileContent() {
            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public long size() {
                return size;
            }
        };
    }
}
