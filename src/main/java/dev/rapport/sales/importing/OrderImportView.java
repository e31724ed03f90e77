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

    /** Whether the import ran to its end (done or failed). */
    public boolean finished() {
        return "done".equals(status) || "failed".equals(status);
    }

    /** How far it got, 0–100: rows read of the rows counted (bytes before the rows are counted). */
    public int percent() {
        if ("done".equals(status)) {
            return 100;
        }
        return workTotal <= 0 ? 0 : (int) Math.min(100, workDone * 100 / workTotal);
    }
}
