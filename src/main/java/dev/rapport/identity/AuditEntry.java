package dev.rapport.identity;

import java.time.Instant;

/** One line of a record's change history. */
public record AuditEntry(long id, String entityType, long entityId, String action, String field,
                         String oldValue, String newValue, Long actorId, String actorName, Instant at) {
}
