package dev.rapport.customers;

/**
 * A contact of an organization as a node of its decision chain. {@code assigned} is false for a
 * contact nobody has placed in the chain yet (role, attitude, influence, strength and reportsToId
 * are then null and version is 0). {@code reportsToId} is only given when the user may see that
 * contact. {@code context} is where the data comes from: "organization", or the per-opportunity
 * context it was overridden in. {@code version} is the one to send back when changing this node.
 */
public record Stakeholder(long contactId, String name, String title, boolean assigned, String role, String attitude,
                          Integer influence, Integer strength, Long reportsToId, String reportsToName, String notes,
                          String context, long version) {
}
