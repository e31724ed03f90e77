package dev.rapport.sales;

import dev.rapport.customers.CustomersMerged;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.OwnershipHandedOver;
import dev.rapport.sales.domain.ApprovalStore;
import dev.rapport.sales.domain.QuoteStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps quotes true to what happens around them: sent or approved quotes past their valid-until date
 * expire (a daily job), a departing rep's open quotes — and their pending approvals — go to the
 * colleague taking over, and merged customers' quotes move to the surviving customer.
 */
@Component
public class QuoteUpkeep {

    static final int BATCH = 500;

    private final QuoteStore quotes;
    private final ApprovalStore approvals;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    QuoteUpkeep(QuoteStore quotes, ApprovalStore approvals, AuditLog audit, Clock clock, TransactionTemplate tx) {
        this.quotes = quotes;
        this.approvals = approvals;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    /** Expires due quotes batch by batch; safe when two nodes run it at once (the update re-checks the status). */
    public int expireDue() {
        LocalDate today = LocalDate.now(clock);
        int total = 0;
        while (true) {
            // each batch commits with its audit entries, so a run that dies keeps what it did
            int n = tx.execute(status -> expireBatch(today));
            total += n;
            if (n < BATCH) {
                return total;
            }
        }
    }

    private int expireBatch(LocalDate today) {
        List<Long> ids = quotes.expiredIds(today, BATCH);
        List<Long> done = quotes.expire(ids, clock.instant());
        if (!done.isEmpty()) {
            audit.recordBulk("quote", done, "update", null, "status", null, "expired");
        }
        return ids.size();
    }

    @EventListener
    void on(OwnershipHandedOver handOver) {
        List<Long> ids = quotes.openIdsOf(handOver.fromUserId());
        quotes.reassign(ids, handOver.toUserId());
        approvals.reassignPending("quote", ids, handOver.toUserId());
        if (!ids.isEmpty()) {
            audit.recordBulk("quote", ids, "owner", handOver.actorId(), "owner_id", null, String.valueOf(handOver.toUserId()));
        }
    }

    @EventListener
    void on(CustomersMerged merged) {
        quotes.moveCustomer(merged.mergedIds(), merged.survivorId());
    }
}
