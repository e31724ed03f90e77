package dev.rapport.customers.importing;

import java.util.ArrayList;
import java.util.List;

/** What one batch did: counts, and the rows it rejected or skipped with their reasons. */
final class BatchResult {

    long created;
    long updated;
    private long skipped;
    private long rejected;
    final List<ImportStore.ReportedRow> reported = new ArrayList<>();

    void reject(MappedRow row, String reason) {
        reported.add(new ImportStore.ReportedRow(row.line(), ImportStore.REJECTED, reason, row.raw()));
        rejected++;
    }

    void skip(MappedRow row, String reason) {
        reported.add(new ImportStore.ReportedRow(row.line(), ImportStore.SKIPPED, reason, row.raw()));
        skipped++;
    }

    ImportCounts counts(int rows) {
        return new ImportCounts(rows, created, updated, skipped, rejected);
    }
}
