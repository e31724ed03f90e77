package dev.rapport.sales;

import dev.rapport.customers.CustomerDeleted;
import dev.rapport.customers.CustomersMerged;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.AuditLog.Change;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.OwnershipHandedOver;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.domain.OpportunityStore;
import dev.rapport.sales.domain.OpportunityStore.Fields;
import dev.rapport.sales.domain.OpportunityStore.StageChange;
import dev.rapport.sales.query.OpportunityQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opportunities (商机). Business rules:
 * <ul>
 * <li>An opportunity is visible to users whose data scope includes its owner; outside it, it does
 *     not exist (404). Its customer must be visible to whoever creates it.</li>
 * <li>Its status follows the kind of its stage: open, won or lost; closed_at is set when it is
 *     won or lost and cleared when it is reopened. A lost stage needs a loss reason.</li>
 * <li>The stage changes only through {@link #moveToStage}, which records the stage history and
 *     publishes {@link OpportunityWon} or {@link OpportunityLost}.</li>
 * <li>Every change is audited; every write checks the version the user read (stale = 409).</li>
 * <li>While it has product lines ({@link OpportunityLines}) its amount is the sum of their totals:
 *     an amount sent with its fields is ignored, and its currency cannot change.</li>
 * <li>When its customer is deleted, its opportunities are deleted with it (audited): they mean
 *     nothing without the customer. When customers are merged, they move to the survivor.</li>
 * </ul>
 */
@Service
public class OpportunityManagement {

    private final OpportunityStore store;
    private final OpportunityRules rules;
    private final OpportunityQuery query;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    OpportunityManagement(OpportunityStore store, OpportunityRules rules, OpportunityQuery query, AuditLog audit,
                          ApplicationEventPublisher events) {
        this.store = store;
        this.rules = rules;
        this.query = query;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public OpportunityDetails create(CurrentUser user, OpportunityInput input) {
        user.require("opportunity", "create");
        Fields f = rules.validate(user, input, null);
        Stage stage = rules.pipelineOf(f.pipelineId()).stage(f.stageId());
        if (StageKind.LOST.key().equals(stage.kind())) {
            throw new InvalidInputException("lossReason", "error.opportunity.lossReason");
        }
        Instant now = rules.now();
        Instant closedAt = stage.isOpen() ? null : now;
        long id = store.insert(f, stage.kind(), closedAt, input.leadId(), user.id(), now);
        store.recordStageChange(id, new StageChange(null, stage.id(), f.amount(), f.currency(), user.id(), now));
        List<Change> changes = new ArrayList<>(changes(null, f));
        changes.add(new Change("status", null, stage.kind()));
        if (input.leadId() != null) {
            changes.add(new Change("lead_id", null, input.leadId()));
        }
        audit.recordChanges("opportunity", id, "create", user.id(), changes);
        if (StageKind.WON.key().equals(stage.kind())) {
            events.publishEvent(new OpportunityWon(id, f.customerId(), f.ownerId(), f.amount(), f.currency(), closedAt));
        }
        return details(user, id);
    }

    /** The opportunity if the user may see it; otherwise "not found", whether it exists or not. */
    public OpportunityDetails details(CurrentUser user, long id) {
        return rules.named(List.of(visible(user, id))).get(0);
    }

    private OpportunityDetails visible(CurrentUser user, long id) {
        user.require("opportunity", "view");
        OpportunityDetails o = store.find(id).orElseThrow(() -> new NotFoundException("opportunity", id));
        if (!rules.visible(user, o.ownerId())) {
            throw new NotFoundException("opportunity", id);
        }
        return o;
    }

    /**
     * Changes the fields of an opportunity. Pipeline and stage stay as they are (a different one
     * is refused): a stage change goes through {@link #moveToStage}.
     */
    @Transactional
    public OpportunityDetails update(CurrentUser user, long id, long expectedVersion, OpportunityInput input) {
        user.require("opportunity", "edit");
        OpportunityDetails old = visible(user, id);
        if (old.version() != expectedVersion) {
            throw new StaleVersionException("opportunity", old.version());
        }
        Fields f = rules.validate(user, input, old);
        var linesTotal = store.linesTotal(id);
        if (linesTotal.isPresent()) {
            // the lines are priced in the opportunity's currency, and their sum is its amount
            if (!f.currency().equals(old.currency())) {
                throw new InvalidInputException("currency", "error.opportunity.currencyWithLines");
            }
            f = f.withAmount(linesTotal.get());
        }
        store.update(id, expectedVersion, f, old.status(), old.closedAt(), old.lossReason(), rules.now());
        audit.recordChanges("opportunity", id, "update", user.id(), changes(old, f));
        return details(user, id);
    }

    /** Input that reproduces a stored opportunity, e.g. to pre-fill an edit form or apply a PATCH. */
    public OpportunityInput inputOf(CurrentUser user, long id) {
        OpportunityDetails o = visible(user, id);
        return new OpportunityInput(o.name(), o.customerId(), o.contactId(), o.pipelineId(), o.stageId(), o.amount(), o.currency(),
                o.expectedCloseDate(), o.ownerId(), o.competitors(), o.leadId());
    }

    /**
     * Moves an opportunity to another stage of its pipeline. A lost stage needs {@code lossReason};
     * reaching a won or lost stage closes it and publishes the event, reaching an open one reopens it.
     */
    @Transactional
    public OpportunityDetails moveToStage(CurrentUser user, long id, long expectedVersion, long stageId, String lossReason) {
        user.require("opportunity", "edit");
        OpportunityDetails old = visible(user, id);
        if (old.version() != expectedVersion) {
            throw new StaleVersionException("opportunity", old.version());
        }
        Stage stage = rules.pipelineOf(old.pipelineId()).stage(stageId);
        if (stage == null) {
            throw new InvalidInputException("stageId", "error.opportunity.stage");
        }
        String reason = OpportunityRules.blankToNull(lossReason);
        boolean lost = StageKind.LOST.key().equals(stage.kind());
        if (lost && reason == null) {
            throw new InvalidInputException("lossReason", "error.opportunity.lossReason");
        }
        if (reason != null && reason.length() > 1000) {
            throw new InvalidInputException("lossReason", "error.tooLong", 1000);
        }
        if (stage.id() == old.stageId() && Objects.equals(lost ? reason : null, old.lossReason())) {
            return details(user, id);
        }
        Instant now = rules.now();
        Instant closedAt = stage.isOpen() ? null : stage.kind().equals(old.status()) ? old.closedAt() : now;
        Fields f = new Fields(old.name(), old.customerId(), old.contactId(), old.pipelineId(), stage.id(), old.amount(),
                old.currency(), old.expectedCloseDate(), old.ownerId(), old.competitors());
        store.update(id, expectedVersion, f, stage.kind(), closedAt, lost ? reason : null, now);
        if (stage.id() != old.stageId()) {
            store.recordStageChange(id, new StageChange(old.stageId(), stage.id(), old.amount(), old.currency(), user.id(), now));
        }
        audit.recordChanges("opportunity", id, "update", user.id(), List.of(new Change("stage_id", old.stageId(), stage.id()),
                new Change("status", old.status(), stage.kind()), new Change("loss_reason", old.lossReason(), lost ? reason : null)));
        if (!stage.kind().equals(old.status())) {
            if (StageKind.WON.key().equals(stage.kind())) {
                events.publishEvent(new OpportunityWon(id, old.customerId(), old.ownerId(), old.amount(), old.currency(), closedAt));
            } else if (lost) {
                events.publishEvent(new OpportunityLost(id, old.customerId(), old.ownerId(), old.amount(), old.currency(), closedAt, reason));
            }
        }
        return details(user, id);
    }

    @Transactional
    public void delete(CurrentUser user, long id) {
        user.require("opportunity", "delete");
        OpportunityDetails o = visible(user, id);
        events.publishEvent(new OpportunityDeleted(id, o.customerId(), user.id()));
        store.delete(id);
        audit.record("opportunity", id, "delete", user.id(), o.name());
    }

    /** Opportunities the user may see, filtered and sorted, one keyset page at a time. */
    public CursorPage<OpportunityDetails> list(CurrentUser user, OpportunityFilter filter, String cursor, int limit) {
        user.require("opportunity", "view");
        CursorPage<OpportunityDetails> page = query.list(filter, rules.scope(user), cursor, limit);
        return new CursorPage<>(rules.named(page.items()), page.next());
    }

    /** How many the list would show, exact up to {@link OpportunityQuery#COUNT_CAP}, then the cap + 1. */
    public long count(CurrentUser user, OpportunityFilter filter) {
        user.require("opportunity", "view");
        return query.count(filter, rules.scope(user));
    }

    /** A visible customer's opportunities that the user may see, newest first. */
    public List<OpportunityDetails> ofCustomer(CurrentUser user, long customerId, int limit) {
        user.require("opportunity", "view");
        rules.requireCustomer(user, customerId);
        return rules.named(query.ofCustomer(customerId, rules.scope(user), limit));
    }

    public List<OpportunityStageChange> stageHistory(CurrentUser user, long id) {
        visible(user, id);
        List<StageChange> rows = store.stageHistory(id);
        Map<Long, String> names = rules.userNames(rows.stream().map(StageChange::changedBy).filter(Objects::nonNull).toList());
        return rows.stream().map(r -> new OpportunityStageChange(r.fromStageId(), r.toStageId(), r.amount(), r.currency(),
                r.changedBy(), r.changedBy() == null ? null : names.get(r.changedBy()), r.changedAt())).toList();
    }

    @EventListener
    void on(CustomersMerged merged) {
        List<Long> ids = store.idsOfCustomers(merged.mergedIds());
        if (!ids.isEmpty()) {
            store.moveCustomer(merged.mergedIds(), merged.survivorId());
            audit.recordBulk("opportunity", ids, "update", merged.actorId(), "customer_id", null, String.valueOf(merged.survivorId()));
        }
    }

    @EventListener
    void on(CustomerDeleted deleted) {
        List<Long> ids = store.idsOfCustomers(List.of(deleted.customerId()));
        if (!ids.isEmpty()) {
            store.deleteOfCustomer(deleted.customerId());
            audit.recordBulk("opportunity", ids, "delete", deleted.actorId(), "customer_id", null, String.valueOf(deleted.customerId()));
        }
    }

    @EventListener
    void on(OwnershipHandedOver handOver) {
        List<Long> ids = store.openIdsOfOwner(handOver.fromUserId());
        if (!ids.isEmpty()) {
            store.reassignOpen(handOver.fromUserId(), handOver.toUserId(), rules.now());
            audit.recordBulk("opportunity", ids, "owner", handOver.actorId(), "owner_id", null, String.valueOf(handOver.toUserId()));
        }
    }

    private static List<Change> changes(OpportunityDetails old, Fields f) {
        return List.of(new Change("name", old == null ? null : old.name(), f.name()),
                new Change("customer_id", old == null ? null : old.customerId(), f.customerId()),
                new Change("contact_id", old == null ? null : old.contactId(), f.contactId()),
                new Change("stage_id", old == null ? null : old.stageId(), f.stageId()),
                new Change("amount", old == null ? null : old.amount().toPlainString(), f.amount().toPlainString()),
                new Change("currency", old == null ? null : old.currency(), f.currency()),
                new Change("expected_close_date", old == null ? null : old.expectedCloseDate(), f.expectedCloseDate()),
                new Change("owner_id", old == null ? null : old.ownerId(), f.ownerId()),
                new Change("competitors", old == null ? null : old.competitors(), f.competitors()));
    }
}
