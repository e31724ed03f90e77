package dev.rapport.sales;

import dev.rapport.identity.CurrentUser;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.sales.domain.ContractStore;
import dev.rapport.sales.domain.OrderStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns an accepted quote (报价单) into a draft order (订单): the quote's customer, contact, owner,
 * currency, opportunity and lines, with the quote-level discount folded into each line's discount
 * (1 − (1 − line %)(1 − quote %)), so the order's totals match the quote's up to the rounding of
 * each line to cents. A quote gives at most one order: asking again answers the order made before.
 * A contract made from the quote before (see {@link QuoteContracts}) is then paid through the new
 * order while it is still a draft; once active it bills the customer itself, so no order is made.
 */
@Service
public class QuoteOrders {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final QuoteManagement quotes;
    private final OrderManagement orders;
    private final OrderStore store;
    private final ContractStore contracts;
    private final OrderCollaborators with;

    QuoteOrders(QuoteManagement quotes, OrderManagement orders, OrderStore store, ContractStore contracts, OrderCollaborators with) {
        this.quotes = quotes;
        this.orders = orders;
        this.store = store;
        this.contracts = contracts;
        this.with = with;
    }

    /** The order of an accepted quote the user can see; 404 outside their scope. */
    @Transactional
    public OrderView orderFrom(CurrentUser user, long quoteId) {
        user.require("order", "create");
        QuoteView q = quotes.get(user, quoteId);
        var existing = store.idOfQuote(quoteId);
        if (existing.isPresent()) {
            return orders.get(user, existing.get());
        }
        if (!QuoteStatus.ACCEPTED.key().equals(q.status())) {
            throw new InvalidInputException("quoteId", "error.order.quoteNotAccepted");
        }
        ContractView contract = contracts.idOfQuote(quoteId).flatMap(contracts::find).orElse(null);
        if (contract != null && contract.orderId() == null && !ContractStatus.DRAFT.key().equals(contract.status())) {
            throw new InvalidInputException("quoteId", "error.order.quoteHasContract", contract.number());
        }
        BigDecimal quoteDiscount = q.discountPercent() == null ? BigDecimal.ZERO : q.discountPercent();
        List<OrderLineInput> lines = q.lines().stream()
                .map(l -> new OrderLineInput(l.productId(), l.description(), l.quantity(), l.unitPrice(),
                        folded(l.discountPercent(), quoteDiscount), l.taxRate()))
                .toList();
        OrderView order = orders.create(user, new OrderInput(q.customerId(), q.contactId(), null, null, q.currency(), lines, null,
                q.ownerId(), q.id(), q.opportunityId(), null));
        if (contract != null && contract.orderId() == null) {
            contracts.linkOrder(contract.id(), contract.version(), order.id(), with.clock.instant());
            with.audit.recordChanges("contract", contract.id(), "update", user.id(),
                    java.util.List.of(new dev.rapport.identity.AuditLog.Change("order_id", null, order.id())));
        }
        return order;
    }

    static BigDecimal folded(BigDecimal line, BigDecimal quote) {
        BigDecimal l = line == null ? BigDecimal.ZERO : line;
        BigDecimal kept = HUNDRED.subtract(l).multiply(HUNDRED.subtract(quote)).divide(HUNDRED);
        return HUNDRED.subtract(kept).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
