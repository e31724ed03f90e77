package dev.rapport.sales;

import dev.rapport.activities.LeadAccess;
import dev.rapport.customers.Pools;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.OwnerScope;
import dev.rapport.identity.UserManagement;
import dev.rapport.identity.UserSummary;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.domain.LeadStore;
import dev.rapport.sales.domain.LeadValidator;
import dev.rapport.sales.domain.ValidLead;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads (线索): create, change, qualify or disqualify, hand over, delete. Every read and write is
 * limited to the user's data scope (a lead outside it is "not found"); every change is audited in
 * the same transaction. A converted lead is read-only.
 */
@Service
public class LeadManagement implements LeadAccess {

    /** Result of a bulk action: which ids were done and which were refused (not visible). */
    public record BulkResult(List<Long> done, List<Long> notFound) {
    }

    private final LeadStore store;
    private final LeadValidator validator;
    private final AssignmentRules rules;
    private final UserManagement users;
    private final AuditLog audit;
    private final Pools pools;

    /** Who may see what: users and their scopes, and the public pools; grouped to keep the constructor small. */
    @org.springframework.stereotype.Component
    static class Access {
        final UserManagement users;
        final Pools pools;

        Access(UserManagement users, Pools pools) {
            this.users = users;
            this.pools = pools;
        }
    }

    LeadManagement(LeadStore store, LeadValidator validator, AssignmentRules rules, Access access, AuditLog audit) {
        this.store = store;
        this.validator = validator;
        this.rules = rules;
        this.users = access.users;
        this.pools = access.pools;
        this.audit = audit;
    }

    /** Creates a lead. Without an owner the assignment rules choose one, else the creator owns it. */
    @Transactional
    public LeadDetails create(CurrentUser user, LeadInput input) {
        user.require("lead", "create");
        ValidLead valid = validated(input);
        long id = insert(valid, user.id(), user.id(), null, "create");
        return details(user, id);
    }

    /**
     * Creates a lead submitted through a public web form, by nobody signed in: the form's owner,
     * else the assignment rules, else the form's creator owns it. Returns the new lead's id.
     */
    @Transactional
    public long createFromWebForm(long formId, String formKey, LeadInput input, long fallbackOwnerId) {
        ValidLead valid = validated(input);
        return insert(valid, fallbackOwnerId, null, formId, "web form " + formKey);
    }

    private ValidLead validated(LeadInput input) {
        var errors = new InvalidInputException.Collector();
        ValidLead valid = validator.validate(input, errors);
        if (valid.ownerId() != null && users.find(valid.ownerId()).filter(UserSummary::active).isEmpty()) {
            errors.reject("ownerId", "error.owner.invalid");
        }
        errors.throwIfAny();
        return valid;
    }

    private long insert(ValidLead valid, long fallbackOwner, Long actorId, Long formId, String note) {
        Long owner = valid.ownerId();
        Optional<AssignmentRules.Assignment> routed = owner == null
                ? rules.route(AssignmentRule.LEADS, valid.province(), valid.city(), valid.industry(), valid.source()) : Optional.empty();
        long ownerId = owner != null ? owner : routed.map(AssignmentRules.Assignment::ownerId).orElse(fallbackOwner);
        Long ruleId = routed.map(AssignmentRules.Assignment::ruleId).orElse(null);
        long id = store.insert(valid, ownerId, LeadStatus.NEW.key(), ruleId, formId, actorId == null ? ownerId : actorId);
        List<AuditLog.Change> changes = new ArrayList<>();
        valid.fields().forEach((k, v) -> changes.add(new AuditLog.Change(k, null, v)));
        changes.add(new AuditLog.Change("owner_id", null, ownerId));
        audit.recordChanges("lead", id, "create", actorId, changes);
        if (formId != null) {
            audit.record("lead", id, "source", actorId, note);
        }
        routed.ifPresent(r -> audit.record("lead", id, "assign", actorId, "assigned by rule " + r.ruleName() + " (#" + r.ruleId() + ")"));
        return id;
    }

    /** Replaces every field. {@code expectedVersion} must be the version the user edited. */
    @Transactional
    public LeadDetails update(CurrentUser user, long id, long expectedVersion, LeadInput input) {
        user.require("lead", "edit");
        LeadDetails old = editable(user, id, expectedVersion);
        ValidLead valid = validated(input);
        long owner = valid.ownerId() == null ? old.ownerId() : valid.ownerId();
        store.update(id, expectedVersion, valid, owner);
        if (owner != old.ownerId()) {
            store.restartOwnership(id);
        }
        Map<String, Object> after = valid.fields();
        List<AuditLog.Change> diff = new ArrayList<>();
        fieldsOf(old).forEach((k, v) -> {
            if (!Objects.equals(v, after.get(k))) {
                diff.add(new AuditLog.Change(k, v, after.get(k)));
            }
        });
        if (owner != old.ownerId()) {
            diff.add(new AuditLog.Change("owner_id", old.ownerId(), owner));
        }
        audit.recordChanges("lead", id, "update", user.id(), diff);
        return details(user, id);
    }

    /** Moves the lead to working, qualified or unqualified (which needs a reason); new is where leads start. */
    @Transactional
    public LeadDetails changeStatus(CurrentUser user, long id, long expectedVersion, LeadStatus status, String reason) {
        user.require("lead", "edit");
        LeadDetails old = editable(user, id, expectedVersion);
        if (status == LeadStatus.CONVERTED) {
            throw new InvalidInputException("status", "error.lead.convertThroughConversion");
        }
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        if (status == LeadStatus.UNQUALIFIED && why == null) {
            throw new InvalidInputException("reason", "error.required");
        }
        if (why != null && why.length() > 500) {
            throw new InvalidInputException("reason", "error.tooLong", 500);
        }
        store.setStatus(id, expectedVersion, status.key(), status == LeadStatus.UNQUALIFIED ? why : null);
        List<AuditLog.Change> changes = new ArrayList<>(List.of(new AuditLog.Change("status", old.status(), status.key())));
        if (why != null) {
            changes.add(new AuditLog.Change("reason", null, why));
        }
        audit.recordChanges("lead", id, "status", user.id(), changes);
        return details(user, id);
    }

    @Transactional
    public void delete(CurrentUser user, long id) {
        user.require("lead", "delete");
        LeadDetails old = visible(user, id);
        if (!users.scopeOf(user).includes(old.ownerId())) {
            // seeing a pool lead is not owning it
            throw new NotFoundException("lead", id);
        }
        store.delete(id);
        audit.record("lead", id, "delete", user.id(), old.name());
    }

    @Transactional
    public BulkResult changeOwner(CurrentUser user, List<Long> ids, long newOwnerId) {
        user.require("lead", "edit");
        if (users.find(newOwnerId).filter(UserSummary::active).isEmpty()) {
            throw new InvalidInputException("ownerId", "error.owner.invalid");
        }
        var split = splitVisible(user, ids);
        List<Long> done = split.getKey().stream().map(LeadDetails::id).toList();
        if (!done.isEmpty()) {
            store.setOwner(done, newOwnerId);
            Map<Long, String> old = split.getKey().stream().collect(Collectors.toMap(LeadDetails::id, l -> String.valueOf(l.ownerId())));
            audit.recordBulk("lead", done, "owner", user.id(), "owner_id", old, String.valueOf(newOwnerId));
        }
        return new BulkResult(done, split.getValue());
    }

    /** Bulk status change; converted leads keep their status and are reported as refused. */
    @Transactional
    public BulkResult changeStatus(CurrentUser user, List<Long> ids, LeadStatus status) {
        user.require("lead", "edit");
        if (status == LeadStatus.CONVERTED || status == LeadStatus.UNQUALIFIED) {
            // conversion has its own step, and disqualifying needs a reason per lead
            throw new InvalidInputException("status", "error.lead.bulkStatus");
        }
        var split = splitVisible(user, ids);
        List<Long> done = new ArrayList<>();
        List<Long> refused = new ArrayList<>(split.getValue());
        Map<Long, String> old = new java.util.HashMap<>();
        for (LeadDetails l : split.getKey()) {
            if (l.converted()) {
                refused.add(l.id());
            } else {
                done.add(l.id());
                old.put(l.id(), l.status());
            }
        }
        if (!done.isEmpty()) {
            store.setStatusAll(done, status.key());
            audit.recordBulk("lead", done, "status", user.id(), "status", old, status.key());
        }
        return new BulkResult(done, refused);
    }

    private Map.Entry<List<LeadDetails>, List<Long>> splitVisible(CurrentUser user, List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidInputException("ids", "error.required");
        }
        if (ids.size() > 10_000) {
            throw new InvalidInputException("ids", "error.bulk.tooMany", 10_000);
        }
        OwnerScope scope = users.scopeOf(user);
        List<LeadDetails> found = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            store.findAll(ids.subList(i, Math.min(ids.size(), i + 1000))).stream()
                    .filter(l -> scope.includes(l.ownerId())).forEach(found::add);
        }
        var foundIds = found.stream().map(LeadDetails::id).collect(Collectors.toSet());
        return Map.entry(found, ids.stream().filter(id -> !foundIds.contains(id)).distinct().toList());
    }

    /**
     * The lead if the user may see it; otherwise "not found", whether it exists or not. A lead in a
     * public pool is visible to whoever may see the pool (seeing is not changing: it gets an owner
     * only by a claim or an assignment).
     */
    public LeadDetails visible(CurrentUser user, long id) {
        user.require("lead", "view");
        LeadDetails l = store.find(id).orElseThrow(() -> new NotFoundException("lead", id));
        boolean inVisiblePool = l.inPool() && l.poolId() != null && pools.canSee(user, l.poolId());
        if (!inVisiblePool && !users.scopeOf(user).includes(l.ownerId())) {
            throw new NotFoundException("lead", id);
        }
        return l;
    }

    public LeadDetails details(CurrentUser user, long id) {
        LeadDetails l = visible(user, id);
        return l.withOwnerName(l.ownerId() == null ? null : users.find(l.ownerId()).map(UserSummary::name).orElse(null));
    }

    /** Other visible leads with the same phone or e-mail as the given one: the duplicate warning. */
    public List<LeadRow> possibleDuplicates(CurrentUser user, LeadDetails lead) {
        return named(store.sameContact(lead.phoneNormalized(), lead.email(), lead.id(), users.scopeOf(user)));
    }

    /** Owner names for rows read without them. */
    public List<LeadRow> named(List<LeadRow> rows) {
        Map<Long, UserSummary> owners = users.summaries(rows.stream().map(LeadRow::ownerId).filter(Objects::nonNull).collect(Collectors.toSet()));
        return rows.stream().map(r -> new LeadRow(r.id(), r.company(), r.name(), r.phone(), r.email(), r.source(), r.status(),
                r.ownerId(), r.ownerId() != null && owners.containsKey(r.ownerId()) ? owners.get(r.ownerId()).name() : null, r.createdAt())).toList();
    }

    /** For the activities module: a lead's activities are visible to whoever may see the lead. */
    @Override
    public Long requireVisible(CurrentUser user, long leadId) {
        return visible(user, leadId).customerId();
    }

    /** Restarts the lead's pool follow-up clock (see {@link LeadAccess#recordFollowUp}). */
    @Override
    public void recordFollowUp(long leadId, java.time.Instant at) {
        store.recordFollowUp(leadId, at);
    }

    /** Records the conversion; the caller holds the transaction that created the customer side. */
    void markConverted(CurrentUser user, LeadDetails lead, long customerId, Long contactId, Long opportunityId) {
        store.markConverted(lead.id(), lead.version(), customerId, contactId, opportunityId, user.id());
        audit.recordChanges("lead", lead.id(), "convert", user.id(), List.of(new AuditLog.Change("status", lead.status(), "converted"),
                new AuditLog.Change("customer_id", null, customerId), new AuditLog.Change("contact_id", null, contactId),
                new AuditLog.Change("opportunity_id", null, opportunityId)));
    }

    private LeadDetails editable(CurrentUser user, long id, long expectedVersion) {
        LeadDetails old = visible(user, id);
        if (old.inPool()) {
            // a pool lead gets an owner only by a claim or an assignment, which respect the pool's rules
            throw new InvalidInputException("ownerId", "lead.error.inPool");
        }
        if (old.version() != expectedVersion) {
            throw new StaleVersionException("lead", old.version());
        }
        if (old.converted()) {
            throw new InvalidInputException("status", "error.lead.converted");
        }
        return old;
    }

    private static Map<String, Object> fieldsOf(LeadDetails l) {
        Map<String, Object> f = new java.util.LinkedHashMap<>();
        f.put("company", l.company());
        f.put("name", l.name());
        f.put("title", l.title());
        f.put("phone", l.phone());
        f.put("email", l.email());
        f.put("source", l.source());
        f.put("industry", l.industry());
        f.put("province", l.province());
        f.put("city", l.city());
        f.put("description", l.description());
        f.put("rating", l.rating());
        f.put("score", l.score());
        return f;
    }
}
