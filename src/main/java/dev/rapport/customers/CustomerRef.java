package dev.rapport.customers;

/** The little other modules need to know about a customer the user may see. */
public record CustomerRef(long id, String name, long ownerId) {
}
