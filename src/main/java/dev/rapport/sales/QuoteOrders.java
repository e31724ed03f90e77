package dev.rapport.sales;

import dev.rapport.identity.CurrentUser;
import dev.rapport.platform.InvalidInputException;
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
 */
@Service
public class QuoteOrders {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final QuoteManagement quotes;
    private final OrderManagement orders;
    private final OrderStore store;

    QuoteOrders(QuoteManagement quotes, OrderManagement orders, OrderStore store) {
        this.quotes = quotes;
        this.orders = orders;
        this.store = store;
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
        BigDecimal quoteDiscount = q.discountPercent() == null ? BigDecimal.ZERO : q.discountPercent();
        List<OrderLineInput> lines = q.lines().stream()
                .map(l -> new OrderLineInput(l.productId(), l.description(), l.quantity(), l.unitPrice(),
                        folded(l.discountPercent(), quoteDiscount), l.taxRate()))
                .toList();
        return orders.create(user, new OrderInput(q.customerId(), q.contactId(), null, null, q.currency(), lines, null,
                q.ownerId(), q.id(), q.opportunityId(), null));
    }

    static BigDecimal folded(BigDecimal line, BigDecimal quote) {
        BigDecimal l = line == null ? BigDecimal.ZERO : line;
        BigDecimal kept = HUNDRED.subtract(l).multiply(HUNDRED.subtract(quote)).divide(HUNDRED);
        return HUNDRED.subtract(kept).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
