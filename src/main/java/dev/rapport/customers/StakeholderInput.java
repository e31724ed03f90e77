package dev.rapport.customers;

/**
 * What a user sets about a contact in a decision chain. {@code role} is required; {@code attitude}
 * defaults to neutral; {@code influence} and {@code strength} (relationship strength) are 1–5 or
 * unknown (null); {@code reportsToId} is another contact of the same organization, or null.
 */
public record StakeholderInput(String role, String attitude, Integer influence, Integer strength, Long reportsToId,
                               String notes) {
}
