package dev.rapport.customers.importing;

import java.io.IOException;
import java.util.List;

/**
 * Rows of an uploaded file, read one at a time so a file of any size goes through in bounded
 * memory. The data ends at the end of the file or at the first blank row.
 */
public interface RowSource extends AutoCloseable {

    /** The column headers as found in the file. */
    List<String> headers();

    /** The next data row, or null at the end of the data. */
    SourceRow next() throws IOException;

    /**
     * How far the rows read so far reach into the file, in the unit of {@link #length()} (bytes
     * for text files). Progress is shown from this, so the file need not be read twice to count rows.
     */
    long position();

    /** The whole file in the unit of {@link #position()}. */
    long length();

    @Override
    void close() throws IOException;
}
