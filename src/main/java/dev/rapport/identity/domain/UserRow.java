package dev.rapport.identity.domain;

import java.time.Instant;

/** A user as stored; the password hash never leaves the identity module. */
public record UserRow(long id, String email, String name, String passwordHash, long roleId, String roleKey,
                      long departmentId, String departmentName, Long managerId, boolean active, long version,
                      Instant createdAt) {
}
