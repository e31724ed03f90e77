package dev.rapport.activities;

import dev.rapport.activities.domain.ActivityStore;
import dev.rapport.customers.CustomerDeleted;
import dev.rapport.customers.CustomerManagement;
import dev.rapport.customers.CustomerRef;
import dev.rapport.customers.CustomersMerged;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.OwnershipHandedOver;
import dev.rapport.identity.UserManagement;
import dev.rapport.identity.UserSummary;
import dev.rapport.platform.Cursor;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import dev.rapport.platform.StaleVersionException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities on customers. An activity is visible to whoever may see its customer; tasks also
 * appear on their owner's task list.
 */
@Service
public class ActivityManagement {

    private final ActivityStore store;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final AuditLog audit;
    private final Clock clock;

    ActivityManagement(ActivityStore store, CustomerManagement customers, UserManagement users, AuditLog audit, Clock clock) {
        this.store = store;
        this.customers = customers;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ActivityView add(CurrentUser user, long customerId, ActivityInput in) {
        user.require("activity", "create");
        CustomerRef customer = customers.ref(user, customerId);
        Checked checked = check(user, in);
        Instant now = clock.instant();
        long id = store.insert(customer.id(), null, in.contactId(), checked.type().key(), checked.subject(), blankToNull(in.body()),
                in.occurredAt() == null ? now : in.occurredAt(), in.dueAt(), in.remindAt(), checked.owner(), user.id(), now);
        audit.recordChanges("activity", id, "create", user.id(), List.of(new AuditLog.Change("customer_id", null, customer.id()),
                new AuditLog.Change("type", null, checked.type().key()), new AuditLog.Change("subject", null, checked.subject())));
        if (checked.type() != ActivityType.TASK) {
            // a contact with the customer restarts the pool's follow-up clock; a task is only a plan, and a
            // meeting entered ahead counts from when it happens, not from the future
            Instant at = in.occurredAt() == null || in.occurredAt().isAfter(now) ? now : in.occurredAt();
            customers.recordFollowUps(java.util.Map.of(customer.id(), at));
        }
        return get(user, id);
    }

    /** Input that passed the rules every new activity follows. */
    record Checked(ActivityType type, String subject, long owner) {
    }

    /** The rules of a new activity, wherever it is added (a customer or a lead); owner defaults to the user. */
    Checked check(CurrentUser user, ActivityInput in) {
        var errors = new InvalidInputException.Collector();
        ActivityType type = ActivityType.parse(in.type());
        if (type == null) {
            errors.reject("type", "error.activity.type");
        }
        String subject = in.subject() == null ? "" : in.subject().trim();
        if (subject.isEmpty()) {
            errors.reject("subject", "error.required");
        } else if (subject.length() > 300) {
            errors.reject("subject", "error.tooLong", 300);
        }
        if (in.body() != null && in.body().length() > 8000) {
            errors.reject("body", "error.tooLong", 8000);
        }
        if (type != ActivityType.TASK && (in.dueAt() != null || in.remindAt() != null)) {
            errors.reject("dueAt", "error.activity.dueOnlyTasks");
        }
        if (in.remindAt() != null && in.dueAt() != null && in.remindAt().isAfter(in.dueAt())) {
            errors.reject("remindAt", "error.activity.remindAfterDue");
        }
        long owner = in.ownerId() == null ? user.id() : in.ownerId();
        if (users.find(owner).filter(UserSummary::active).isEmpty()) {
            errors.reject("ownerId", "error.owner.invalid");
        }
        errors.throwIfAny();
        return new Checked(type, subject, owner);
    }

    public ActivityView get(CurrentUser user, long id) {
        user.require("activity", "view");
        ActivityView a = store.find(id).orElseThrow(() -> new NotFoundException("activity", id));
        try {
            if (a.customerId() == null) {
                // on a lead not yet converted: its owner sees it here, others through the lead (LeadActivities)
                throw new NotFoundException("activity", id);
            }
            customers.ref(user, a.customerId());
        } catch (NotFoundException e) {
            // a task assigned to the user stays visible to them even if its customer is not
            if (a.ownerId() != user.id()) {
                throw new NotFoundException("activity", id);
            }
        }
        return named(List.of(a)).get(0);
    }

    /** The customer's timeline, newest first. */
    public CursorPage<ActivityView> timeline(CurrentUser user, long customerId, String type, String cursor, int limit) {
        user.require("activity", "view");
        customers.ref(user, customerId);
        Instant beforeTime = null;
        Long beforeId = null;
        if (cursor != null && !cursor.isBlank()) {
            Cursor c = Cursor.decode(cursor);
            beforeTime = Instant.parse(c.sortValue());
            beforeId = c.id();
        }
        ActivityType t = type == null || type.isBlank() ? null : ActivityType.parse(type);
        if (type != null && !type.isBlank() && t == null) {
            throw new InvalidInputException("type", "error.activity.type");
        }
        List<ActivityView> rows = store.timeline(customerId, beforeTime, beforeId, t == null ? null : t.key(), limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            ActivityView last = rows.get(limit - 1);
            next = new Cursor(last.occurredAt().toString(), last.id()).encode();
        }
        return new CursorPage<>(named(rows), next);
    }

    /** The user's open tasks, soonest due first, with their customers' names. */
    public List<ActivityView> myOpenTasks(CurrentUser user, int limit) {
        List<ActivityView> tasks = store.openTasks(user.id(), limit);
        Map<Long, String> names = customers.names(tasks.stream().map(ActivityView::customerId).filter(java.util.Objects::nonNull).toList());
        List<ActivityView> out = new ArrayList<>();
        for (ActivityView a : named(tasks)) {
            out.add(new ActivityView(a.id(), a.customerId(), names.get(a.customerId()), a.contactId(), a.type(), a.subject(),
                    a.body(), a.occurredAt(), a.dueAt(), a.remindAt(), a.doneAt(), a.ownerId(), a.ownerName(), a.createdBy(),
                    a.version(), a.createdAt(), a.leadId()));
        }
        return out;
    }

    @Transactional
    public ActivityView complete(CurrentUser user, long id, Long expectedVersion) {
        user.require("activity", "edit");
        ActivityView a = get(user, id);
        if (!"task".equals(a.type())) {
            throw new InvalidInputException("type", "error.activity.notTask");
        }
        if (expectedVersion != null && expectedVersion != a.version()) {
            throw new StaleVersionException("activity", a.version());
        }
        if (a.doneAt() == null) {
            store.complete(id, a.version(), clock.instant());
            audit.recordChanges("activity", id, "update", user.id(), List.of(new AuditLog.Change("done_at", null, clock.instant())));
        }
        return get(user, id);
    }

    @Transactional
    public void delete(CurrentUser user, long id) {
        user.require("activity", "delete");
        ActivityView a = get(user, id);
        store.delete(id);
        audit.record("activity", id, "delete", user.id(), a.subject());
    }

    /** The badge shows at most this many; above it, "99+". */
    public static final int ALERTS_SHOWN = 99;

    /**
     * Open tasks of the user that are overdue or whose reminder time has come, counted up to
     * {@link #ALERTS_SHOWN} + 1: the badge needs no more, and a busy user may have thousands.
     */
    public long tasksNeedingAttention(long userId) {
        return store.countAlerts(userId, clock.instant(), ALERTS_SHOWN + 1);
    }

    public Instant now() {
        return clock.instant();
    }

    @EventListener
    void on(CustomersMerged merged) {
        store.moveCustomer(merged.mergedIds(), merged.survivorId());
    }

    @EventListener
    void on(CustomerDeleted deleted) {
        store.deleteOfCustomer(deleted.customerId());
    }

    @EventListener
    void on(OwnershipHandedOver handOver) {
        List<Long> ids = store.openTaskIds(handOver.fromUserId());
        store.reassignOpenTasks(handOver.fromUserId(), handOver.toUserId());
        if (!ids.isEmpty()) {
            audit.recordBulk("activity", ids, "owner", handOver.actorId(), "owner_id", null, String.valueOf(handOver.toUserId()));
        }
    }

    List<ActivityView> named(List<ActivityView> rows) {
        Map<Long, UserSummary> owners = users.summaries(rows.stream().map(ActivityView::ownerId).collect(Collectors.toSet()));
        return rows.stream().map(a -> new ActivityView(a.id(), a.customerId(), a.customerName(), a.contactId(), a.type(),
                a.subject(), a.body(), a.occurredAt(), a.dueAt(), a.remindAt(), a.doneAt(), a.ownerId(),
                owners.containsKey(a.ownerId()) ? owners.get(a.ownerId()).name() : null, a.createdBy(), a.version(),
                a.createdAt(), a.leadId())).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
