package dev.rapport.customers.importing;

/**
 * How one record type is imported, in two steps so they can overlap: {@link #prepare} reads and
 * validates a batch on one thread (it may query, never write), while {@link #write} stores the
 * previous batch on another, inside that batch's transaction.
 *
 * @param <P> what preparing hands to writing
 */
interface RecordRows<P> {

    P prepare(ImportContext ctx, java.util.List<MappedRow> rows);

    /**
     * Matches the prepared rows against stored records and earlier rows, then creates, updates or
     * skips them. Runs after the previous batch committed, so matching sees every earlier row.
     */
    BatchResult write(ImportContext ctx, P prepared);
}
