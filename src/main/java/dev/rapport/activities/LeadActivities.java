package dev.rapport.activities;

import dev.rapport.activities.domain.ActivityStore;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.platform.Cursor;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities on a lead (线索) before it becomes a customer: notes, calls and tasks follow the same
 * rules as on a customer. Whoever may see the lead (asked through {@link LeadAccess}) sees them.
 * On conversion they move to the new customer, so its timeline starts with the lead's history.
 */
@Service
public class LeadActivities {

    private final ActivityStore store;
    private final ActivityManagement activities;
    private final ObjectProvider<LeadAccess> leads;
    private final AuditLog audit;
    private final Clock clock;

    LeadActivities(ActivityStore store, ActivityManagement activities, ObjectProvider<LeadAccess> leads, AuditLog audit,
                   Clock clock) {
        this.store = store;
        this.activities = activities;
        this.leads = leads;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ActivityView add(CurrentUser user, long leadId, ActivityInput in) {
        user.require("activity", "create");
        // an activity added after conversion belongs to the customer too, so its timeline stays whole
        Long customerId = requireVisible(user, leadId);
        ActivityManagement.Checked checked = activities.check(user, in);
        Instant now = clock.instant();
        long id = store.insert(customerId, leadId, null, checked.type().key(), checked.subject(),
                in.body() == null || in.body().isBlank() ? null : in.body().trim(),
                in.occurredAt() == null ? now : in.occurredAt(), in.dueAt(), in.remindAt(), checked.owner(), user.id(), now);
        audit.recordChanges("activity", id, "create", user.id(), List.of(new AuditLog.Change("lead_id", null, leadId),
                new AuditLog.Change("type", null, checked.type().key()), new AuditLog.Change("subject", null, checked.subject())));
        if (checked.type() != ActivityType.TASK) {
            // as on a customer: a task is only a plan, and a meeting entered ahead counts from when it happens
            Instant at = in.occurredAt() == null || in.occurredAt().isAfter(now) ? now : in.occurredAt();
            leads.getObject().recordFollowUp(leadId, at);
        }
        return get(user, leadId, id);
    }

    /** The lead's timeline, newest first. */
    public CursorPage<ActivityView> timeline(CurrentUser user, long leadId, String cursor, int limit) {
        user.require("activity", "view");
        requireVisible(user, leadId);
        Instant beforeTime = null;
        Long beforeId = null;
        if (cursor != null && !cursor.isBlank()) {
            Cursor c = Cursor.decode(cursor);
            beforeTime = Instant.parse(c.sortValue());
            beforeId = c.id();
        }
        List<ActivityView> rows = store.leadTimeline(leadId, beforeTime, beforeId, limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            ActivityView last = rows.get(limit - 1);
            next = new Cursor(last.occurredAt().toString(), last.id()).encode();
        }
        return new CursorPage<>(activities.named(rows), next);
    }

    /** Marks a task on the lead done. */
    @Transactional
    public ActivityView complete(CurrentUser user, long leadId, long activityId) {
        user.require("activity", "edit");
        ActivityView a = get(user, leadId, activityId);
        if (!"task".equals(a.type())) {
            throw new dev.rapport.platform.InvalidInputException("type", "error.activity.notTask");
        }
        if (a.doneAt() == null) {
            store.complete(activityId, a.version(), clock.instant());
            audit.recordChanges("activity", activityId, "update", user.id(), List.of(new AuditLog.Change("done_at", null, clock.instant())));
        }
        return get(user, leadId, activityId);
    }

    /**
     * Moves the lead's activities to the customer it was converted into. Call inside the
     * conversion's transaction, after checking the user may see both.
     */
    public int moveToCustomer(CurrentUser user, long leadId, long customerId) {
        List<Long> moved = store.moveLeadToCustomer(leadId, customerId);
        if (!moved.isEmpty()) {
            audit.recordBulk("activity", moved, "move", user.id(), "customer_id", null, String.valueOf(customerId));
        }
        return moved.size();
    }

    private ActivityView get(CurrentUser user, long leadId, long id) {
        ActivityView a = store.find(id).orElseThrow(() -> new NotFoundException("activity", id));
        if (a.leadId() == null || a.leadId() != leadId) {
            throw new NotFoundException("activity", id);
        }
        return activities.named(List.of(a)).get(0);
    }

    private Long requireVisible(CurrentUser user, long leadId) {
        LeadAccess access = leads.getIfAvailable();
        if (access == null) {
            throw new NotFoundException("lead", leadId);
        }
        return access.requireVisible(user, leadId);
    }
}
