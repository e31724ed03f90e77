package dev.rapport.customers.importing;

/**
 * A stored record an import row matched, with its owner so the importer can check the importing
 * user may see it. An owner of 0 stands for none (a record in a public pool): no user has that id,
 * so only the unrestricted scope includes it.
 */
public record MatchedRecord(long id, long ownerId) {
}
