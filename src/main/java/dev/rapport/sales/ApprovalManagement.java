package dev.rapport.sales;

import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.Notifications;
import dev.rapport.identity.OwnerScope;
import dev.rapport.identity.UserManagement;
import dev.rapport.identity.UserSummary;
import dev.rapport.platform.Cursor;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import dev.rapport.sales.domain.ApprovalStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approvals (审批), for any record type that needs a manager's yes (quotes now, contracts later).
 * An approver of a record type holds the permission {@code <type>:approve} and has the record's
 * owner in their data scope; nobody approves their own request. Approvers are notified of a new
 * request, the requester of the decision.
 */
@Service
public class ApprovalManagement {

    /** Record types that can be approved; each has its {@code <type>:approve} permission. */
    public static final List<String> RECORD_TYPES = List.of("quote");

    private final ApprovalStore store;
    private final UserManagement users;
    private final Notifications notifications;
    private final Clock clock;

    ApprovalManagement(ApprovalStore store, UserManagement users, Notifications notifications, Clock clock) {
        this.store = store;
        this.users = users;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Opens a request and notifies every approver; {@code link} is where they decide. */
    @Transactional
    public ApprovalView request(String recordType, long recordId, String label, String reason, long ownerId, long requesterId,
                                String link) {
        if (store.pendingFor(recordType, recordId).isPresent()) {
            throw new InvalidInputException("status", "error.approval.alreadyPending");
        }
        long id = store.insert(recordType, recordId, label, reason, ownerId, requesterId, clock.instant());
        String requester = users.find(requesterId).map(UserSummary::name).orElse("");
        List<Notifications.Notice> notices = new ArrayList<>();
        for (long approver : approvers(recordType, ownerId)) {
            if (approver != requesterId) {
                notices.add(new Notifications.Notice(approver, "approval.requested", "notification.approval.requested",
                        List.of(label, requester), link));
            }
        }
        notifications.notifyAll(notices);
        return view(store.find(id).orElseThrow());
    }

    /**
     * Decides the pending request on a record. Without the approve permission: 403; with it but the
     * owner outside the approver's scope: 404, as if there were nothing to decide.
     */
    @Transactional
    public ApprovalView decide(CurrentUser user, String recordType, long recordId, boolean approve, String comment, String link) {
        user.require(recordType + ":approve");
        ApprovalStore.Row r = store.pendingFor(recordType, recordId)
                .orElseThrow(() -> new InvalidInputException("status", "error.approval.nonePending"));
        if (!users.scopeOf(user).includes(r.ownerId())) {
            throw new NotFoundException(recordType, recordId);
        }
        if (r.requestedBy() == user.id()) {
            throw new InvalidInputException("status", "error.approval.ownRequest");
        }
        if (comment != null && comment.length() > 2000) {
            throw new InvalidInputException("comment", "error.tooLong", 2000);
        }
        if (!approve && (comment == null || comment.isBlank())) {
            throw new InvalidInputException("comment", "error.approval.reasonRequired");
        }
        String status = approve ? "approved" : "rejected";
        store.decide(r.id(), r.version(), status, user.id(), comment == null || comment.isBlank() ? null : comment.trim(), clock.instant());
        notifications.notify(r.requestedBy(), "approval." + status, "notification.approval." + status,
                List.of(r.recordLabel(), user.name(), comment == null ? "" : comment.trim()), link);
        return view(store.find(r.id()).orElseThrow());
    }

    /** Users who may approve a record of this type owned by this owner. */
    public List<Long> approvers(String recordType, long ownerId) {
        String permission = recordType + ":approve";
        List<Long> out = new ArrayList<>();
        for (UserSummary u : users.all()) {
            if (!u.active()) {
                continue;
            }
            users.load(u.email()).filter(c -> c.can(permission)).filter(c -> users.scopeOf(c).includes(ownerId))
                    .ifPresent(c -> out.add(c.id()));
        }
        return out;
    }

    /** Pending requests this user may decide, oldest first. */
    public CursorPage<ApprovalView> waitingFor(CurrentUser user, String cursor, int limit) {
        List<String> types = RECORD_TYPES.stream().filter(t -> user.can(t + ":approve")).toList();
        if (types.isEmpty()) {
            return new CursorPage<>(List.of(), null);
        }
        Long after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor).id();
        OwnerScope scope = users.scopeOf(user);
        List<ApprovalStore.Row> rows = store.pending(types, scope, user.id(), after, limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = new Cursor(null, rows.get(limit - 1).id()).encode();
        }
        return new CursorPage<>(views(rows), next);
    }

    /** The requests on a record, newest first; the caller has checked the user may see the record. */
    public List<ApprovalView> ofRecord(String recordType, long recordId) {
        return views(store.ofRecord(recordType, recordId));
    }

    /** True if the user could decide a request on a record of this type and owner. */
    public boolean canApprove(CurrentUser user, String recordType, long ownerId) {
        return user.can(recordType + ":approve") && users.scopeOf(user).includes(ownerId);
    }

    private ApprovalView view(ApprovalStore.Row r) {
        return views(List.of(r)).get(0);
    }

    private List<ApprovalView> views(List<ApprovalStore.Row> rows) {
        Set<Long> ids = new HashSet<>();
        rows.forEach(r -> {
            ids.add(r.ownerId());
            ids.add(r.requestedBy());
            if (r.decidedBy() != null) {
                ids.add(r.decidedBy());
            }
        });
        Map<Long, UserSummary> names = users.summaries(ids);
        return rows.stream().map(r -> new ApprovalView(r.id(), r.recordType(), r.recordId(), r.recordLabel(), r.reason(),
                r.ownerId(), name(names, r.ownerId()), r.requestedBy(), name(names, r.requestedBy()), r.status(), r.decidedBy(),
                r.decidedBy() == null ? null : name(names, r.decidedBy()), r.decidedAt(), r.comment(), r.version(),
                r.createdAt())).toList();
    }

    private static String name(Map<Long, UserSummary> names, long id) {
        UserSummary u = names.get(id);
        return u == null ? null : u.name();
    }
}
