package dev.rapport.customers.importing;

import java.time.Instant;
import java.util.List;

/**
 * One import as stored in the imports table: the file, the choices made for it and its progress.
 * Status goes preview → queued → running → done, or failed when the file cannot be read.
 */
public record ImportJob(long id, long userId, String fileName, String type, String mode, String matchOn, String status,
                        long totalRows, long processed, long created, long updated, long skipped, long rejected,
                        String message, Instant createdAt, Instant startedAt, Instant finishedAt, String storedFile,
                        List<String> fields) {

    public static final String PREVIEW = "preview";
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    public boolean finished() {
        return DONE.equals(status) || FAILED.equals(status);
    }

    /** Progress in percent, 0 before the rows are counted. */
    public int percent() {
        if (DONE.equals(status)) {
            return 100;
        }
        return totalRows <= 0 ? 0 : (int) Math.min(100, processed * 100 / totalRows);
    }
}
