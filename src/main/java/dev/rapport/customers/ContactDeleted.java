package dev.rapport.customers;

/**
 * A contact is about to be deleted (published inside the deleting transaction, before the row
 * goes), so listeners can drop or clear what points at it.
 */
public record ContactDeleted(long contactId, Long customerId, long actorId) {
}
