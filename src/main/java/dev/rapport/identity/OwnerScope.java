package dev.rapport.identity;

import java.util.Set;

/**
 * The owners whose records a user may see. {@code all()} means no restriction; otherwise a query
 * adds {@code owner_id in (:owners)}. Never empty: a user always sees their own records.
 */
public record OwnerScope(Set<Long> owners) {

    private static final OwnerScope ALL = new OwnerScope(null);

    public static OwnerScope all() {
        return ALL;
    }

    public boolean isAll() {
        return owners == null;
    }

    /** A record without an owner (in a public pool) is only within the unrestricted scope. */
    public boolean includes(Long ownerId) {
        return owners == null || (ownerId != null && owners.contains(ownerId));
    }
}
