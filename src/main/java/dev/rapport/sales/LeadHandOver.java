package dev.rapport.sales;

import dev.rapport.identity.AuditLog;
import dev.rapport.identity.OwnershipHandedOver;
import dev.rapport.sales.domain.LeadStore;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A departing user's leads go to the colleague taking over their records, in the hand-over's transaction. */
@Component
class LeadHandOver {

    private final LeadStore store;
    private final AuditLog audit;

    LeadHandOver(LeadStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    @EventListener
    void on(OwnershipHandedOver handOver) {
        List<Long> ids = store.idsOwnedBy(handOver.fromUserId());
        for (int i = 0; i < ids.size(); i += 1000) {
            List<Long> batch = ids.subList(i, Math.min(ids.size(), i + 1000));
            store.setOwner(batch, handOver.toUserId());
            audit.recordBulk("lead", batch, "owner", handOver.actorId(), "owner_id", null, String.valueOf(handOver.toUserId()));
        }
    }
}
