package dev.rapport.identity;

/** A user as other modules show them: in owner columns, pickers and filters. */
public record UserSummary(long id, String name, String email, long departmentId, String departmentName,
                          String roleKey, boolean active) {
}
