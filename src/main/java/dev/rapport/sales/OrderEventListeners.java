package dev.rapport.sales;

import dev.rapport.customers.CustomersMerged;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.OwnershipHandedOver;
import dev.rapport.sales.domain.ContractStore;
import dev.rapport.sales.domain.CreditTermsStore;
import dev.rapport.sales.domain.OrderStore;
import dev.rapport.sales.domain.PaymentStore;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps orders, contracts and payments with their customer through a merge, and with an owner
 * through a hand-over. A deleted customer's orders stay: they are the company's books.
 */
@Component
class OrderEventListeners {

    private final OrderStore orders;
    private final ContractStore contracts;
    private final PaymentStore payments;
    private final CreditTermsStore terms;
    private final AuditLog audit;

    OrderEventListeners(OrderStore orders, ContractStore contracts, PaymentStore payments, CreditTermsStore terms, AuditLog audit) {
        this.orders = orders;
        this.contracts = contracts;
        this.payments = payments;
        this.terms = terms;
        this.audit = audit;
    }

    @EventListener
    void on(CustomersMerged merged) {
        orders.moveCustomer(merged.mergedIds(), merged.survivorId());
        contracts.moveCustomer(merged.mergedIds(), merged.survivorId());
        payments.moveCustomer(merged.mergedIds(), merged.survivorId());
        terms.moveCustomer(merged.mergedIds(), merged.survivorId());
    }

    @EventListener
    void on(OwnershipHandedOver handOver) {
        java.util.List<Long> ids = orders.idsOfOwner(handOver.fromUserId());
        orders.reassignOwner(handOver.fromUserId(), handOver.toUserId());
        contracts.reassignOwner(handOver.fromUserId(), handOver.toUserId());
        payments.reassignOwner(handOver.fromUserId(), handOver.toUserId());
        if (!ids.isEmpty()) {
            audit.recordBulk("order", ids, "owner", handOver.actorId(), "owner_id", null, String.valueOf(handOver.toUserId()));
        }
    }
}
