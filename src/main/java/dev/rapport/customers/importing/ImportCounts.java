package dev.rapport.customers.importing;

/** Counts of an import or of one batch; every processed row is exactly one of created, updated, skipped, rejected. */
public record ImportCounts(long processed, long created, long updated, long skipped, long rejected) {
}
