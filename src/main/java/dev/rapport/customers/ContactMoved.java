package dev.rapport.customers;

/**
 * A contact now belongs to another customer (an edit or an import changed its company; not a
 * merge, which publishes {@link CustomersMerged}). Published inside the changing transaction.
 */
public record ContactMoved(long contactId, Long fromCustomerId, Long toCustomerId, long actorId) {
}
