package dev.rapport.activities;

import java.time.Instant;

/**
 * An activity on a timeline or a task list. It belongs to a customer, or to a lead ({@code leadId})
 * until the lead is converted; after conversion it keeps the lead id and belongs to the customer too.
 */
public record ActivityView(long id, Long customerId, String customerName, Long contactId, String type, String subject,
                           String body, Instant occurredAt, Instant dueAt, Instant remindAt, Instant doneAt, long ownerId,
                           String ownerName, long createdBy, long version, Instant createdAt, Long leadId) {

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
