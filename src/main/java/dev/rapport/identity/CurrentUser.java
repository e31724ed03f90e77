package dev.rapport.identity;

import java.time.ZoneId;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;

/**
 * The signed-in user as the rest of the application sees them: role, permissions and data scope,
 * read fresh on every request so a role change applies at once. {@code timeZone} is the zone their
 * pages show times in (their setting, or the default); {@code language} the UI language they last
 * used (en or zh-CN), null before their first page.
 */
public record CurrentUser(long id, String email, String name, String roleKey, DataScope scope,
                          long departmentId, Set<String> permissions, ZoneId timeZone, String language) {

    public boolean can(String permission) {
        return permissions.contains(permission);
    }

    public boolean can(String recordType, String action) {
        return can(Permission.of(recordType, action));
    }

    /** Throws (answered with 403) unless the user holds the permission. */
    public void require(String recordType, String action) {
        require(Permission.of(recordType, action));
    }

    public void require(String permission) {
        if (!can(permission)) {
            throw new AccessDeniedException("missing permission " + permission);
        }
    }
}
