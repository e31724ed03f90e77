package dev.rapport.customers;

/** A customer was deleted; listeners remove what belonged only to it, in the same transaction. */
public record CustomerDeleted(long customerId, long actorId) {
}
