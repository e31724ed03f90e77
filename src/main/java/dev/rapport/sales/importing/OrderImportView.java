package dev.rapport.sales.importing;

import java.time.Instant;

/**
 * An order history import: uploaded → running → done (or failed). Progress is rows read out of
 * the rows known ({@code workDone}/{@code workTotal}; the total is the file size in bytes until the
 * first batch is done, then rows); {@code lastLine} is the checkpoint a resumed run continues after.
 */
public record OrderImportView(long id, String fileName, String format, String matchOn, String mapping, String status,
                              long fileSize, long lastLine, long workDone, long workTotal, long created, long skipped,
                              long rejected, String failure, long createdBy, Instant createdAt, Instant finishedAt) {
}
