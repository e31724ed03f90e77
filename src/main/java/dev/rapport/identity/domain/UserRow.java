package dev.rapport.identity.domain;

import java.time.Instant;

/**
 * A user as stored; the password hash never leaves the identity module. {@code timeZone} is null
 * for users who follow the default zone, {@code language} (en, zh-CN) null until they used the UI.
 */
public record UserRow(long id, String email, String name, String passwordHash, long roleId, String roleKey,
                      long departmentId, String departmentName, Long managerId, boolean active, long version,
                      Instant createdAt, String timeZone, String language, boolean emailReminders) {
}
