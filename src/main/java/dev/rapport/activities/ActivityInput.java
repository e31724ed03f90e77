package dev.rapport.activities;

import java.time.Instant;

/** A new activity: type, subject, optional body, when it happened (default now), and for tasks due/remind times and owner. */
public record ActivityInput(String type, String subject, String body, Long contactId, Instant occurredAt, Instant dueAt,
                            Instant remindAt, Long ownerId) {
}
