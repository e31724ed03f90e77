package dev.rapport.customers.importing;

/** Running totals of an import; every processed row is exactly one of created, updated, skipped, rejected. */
public record ImportCounts(long processed, long created, long updated, long skipped, long rejected) {

    static ImportCounts zero() {
        return new ImportCounts(0, 0, 0, 0, 0);
    }

    ImportCounts plus(ImportCounts o) {
        return new ImportCounts(processed + o.processed, created + o.created, updated + o.updated, skipped + o.skipped,
                rejected + o.rejected);
    }
}
