package dev.rapport.customers.importing;

import java.util.ArrayList;
import java.util.List;

/** What one batch did: counts and the rows it rejected. */
final class BatchResult {

    long created;
    long updated;
    long skipped;
    final List<ImportStore.RejectedRow> rejected = new ArrayList<>();

    void reject(MappedRow row, String reason) {
        rejected.add(new ImportStore.RejectedRow(row.line(), reason, row.raw()));
    }

    ImportCounts counts(int rows) {
        return new ImportCounts(rows, created, updated, skipped, rejected.size());
    }
}
