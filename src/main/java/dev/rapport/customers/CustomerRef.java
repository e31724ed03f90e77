package dev.rapport.customers;

/** The little other modules need to know about a customer the user may see; no owner while it is in a pool. */
public record CustomerRef(long id, String name, Long ownerId) {
}
