package dev.rapport.customers;

/** A visible customer that looks like the one being entered, and why. */
public record DuplicateCandidate(long id, String name, String phone, String email, String ownerName, String reason) {
}
