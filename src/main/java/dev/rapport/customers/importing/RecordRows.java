package dev.rapport.customers.importing;

import java.util.List;
import java.util.Map;

/**
 * How one record type is imported, in two steps so they can overlap: {@link #prepare} reads and
 * validates a batch on one thread (it may query, never write), while {@link #write} stores earlier
 * batches on others, each inside its batch's transaction.
 *
 * @param <I> the input record (customer or contact)
 * @param <V> the validated record
 */
interface RecordRows<I, V> {

    Prepared<I, V> prepare(ImportContext ctx, List<MappedRow> rows);

    /**
     * Matches the prepared rows against stored records and earlier rows, then creates, updates or
     * skips them. Stored records include every batch committed before; {@code earlier} holds the
     * match values of rows in batches still being written (value → line), which are not committed
     * yet but must not be created twice.
     */
    BatchResult write(ImportContext ctx, Prepared<I, V> prepared, Map<String, Long> earlier);
}
