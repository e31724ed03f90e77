package dev.rapport.customers;

import dev.rapport.customers.domain.StakeholderStore;
import dev.rapport.customers.domain.StoredStakeholder;
import dev.rapport.identity.AuditLog;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps decision chains consistent when their contacts or organizations change: merged
 * organizations' chains join the survivor's; a deleted contact leaves every chain, and so does a
 * contact moved to another customer (its role belonged to the old organization). Lines pointing at
 * a contact that left are cleared and audited. Runs inside the changing transaction.
 */
@Component
class StakeholderUpkeep {

    private final StakeholderStore store;
    private final CustomerManagement.Collaborators with;

    StakeholderUpkeep(StakeholderStore store, CustomerManagement.Collaborators with) {
        this.store = store;
        this.with = with;
    }

    /** Both chains were loop-free over disjoint contacts, so their union is too: nothing else to check. */
    @EventListener
    void on(CustomersMerged merged) {
        store.moveToCustomer(merged.mergedIds(), merged.survivorId(), with.clock.instant());
    }

    @EventListener
    void on(ContactDeleted deleted) {
        leave(deleted.contactId(), deleted.actorId());
    }

    @EventListener
    void on(ContactMoved moved) {
        if (moved.fromCustomerId() != null) {
            leave(moved.contactId(), moved.actorId());
        }
    }

    private void leave(long contactId, long actorId) {
        var now = with.clock.instant();
        List<StoredStakeholder> reports = store.reportingTo(contactId);
        store.clearReportsTo(reports.stream().map(StoredStakeholder::id).toList(), now);
        for (StoredStakeholder r : reports) {
            with.audit.recordChanges("contact", r.contactId(), "stakeholder", actorId,
                    List.of(new AuditLog.Change("reports_to_id", contactId, null)));
        }
        for (StoredStakeholder own : store.ofContact(contactId)) {
            store.delete(own.id());
            with.audit.recordChanges("contact", contactId, "stakeholder", actorId,
                    own.fields().entrySet().stream().map(e -> new AuditLog.Change(e.getKey(), e.getValue(), null)).toList());
        }
    }
}
