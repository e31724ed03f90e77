package dev.rapport.identity;

/**
 * A user as other modules show them: in owner columns, pickers and filters. {@code timeZone} is the
 * zone the user reads times in (their setting, or the default), {@code version} what an update must
 * name.
 */
public record UserSummary(long id, String name, String email, long departmentId, String departmentName,
                          String roleKey, boolean active, Long managerId, String timeZone, long version) {
}
