package dev.rapport.customers.importing;

import java.time.Instant;
import java.util.List;

/**
 * One import as stored in the imports table: the file, the choices made for it and its progress.
 * Status goes preview → queued → running → done, or failed when the file cannot be read.
 * {@code totalRows} is known once the import is done; while it runs, progress is
 * {@code workDone} of {@code workTotal} (bytes of the file, or rows of a workbook), and
 * {@code lastLine} is the last line of the file whose batch is committed.
 */
public record ImportJob(long id, long userId, String fileName, String type, String mode, String matchOn, String status,
                        long totalRows, long processed, long created, long updated, long skipped, long rejected,
                        String message, Instant createdAt, Instant startedAt, Instant finishedAt, List<String> fields,
                        long fileSize, long lastLine, long workDone, long workTotal) {

    public static final String PREVIEW = "preview";
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    public boolean finished() {
        return DONE.equals(status) || FAILED.equals(status);
    }

    /** Progress in percent: of the file read so far, 100 once done. */
    public int percent() {
        if (DONE.equals(status)) {
            return 100;
        }
        if (workTotal > 0) {
            return (int) Math.min(99, workDone * 100 / workTotal);
        }
        return totalRows <= 0 ? 0 : (int) Math.min(100, processed * 100 / totalRows);
    }
}
