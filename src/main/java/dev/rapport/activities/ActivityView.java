package dev.rapport.activities;

import java.time.Instant;

/** An activity on a timeline or a task list. */
public record ActivityView(long id, long customerId, String customerName, Long contactId, String type, String subject,
                           String body, Instant occurredAt, Instant dueAt, Instant remindAt, Instant doneAt, long ownerId,
                           String ownerName, long createdBy, long version, Instant createdAt) {

    public boolean isOpenTask() {
        return "task".equals(type) && doneAt == null;
    }

    public boolean isOverdue(Instant now) {
        return isOpenTask() && dueAt != null && dueAt.isBefore(now);
    }

    public boolean isReminderDue(Instant now) {
        return isOpenTask() && remindAt != null && !remindAt.isAfter(now);
    }
}
