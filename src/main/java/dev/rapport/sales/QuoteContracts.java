package dev.rapport.sales;

import dev.rapport.identity.CurrentUser;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.sales.domain.ContractStore;
import dev.rapport.sales.domain.OrderStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns an accepted quote (报价单) into a draft contract (合同): the quote's customer, owner,
 * currency and total, titled after the quote. When the quote already gave an order, the contract is
 * paid through that order (no second receivable); otherwise it carries its own plan once active,
 * and an order made from the quote later takes the contract over while it is still a draft (see
 * {@link QuoteOrders}). A quote gives at most one contract: asking again answers the same one.
 */
@Service
public class QuoteContracts {

    private final QuoteManagement quotes;
    private final ContractManagement contracts;
    private final ContractStore store;
    private final OrderStore orders;

    QuoteContracts(QuoteManagement quotes, ContractManagement contracts, ContractStore store, OrderStore orders) {
        this.quotes = quotes;
        this.contracts = contracts;
        this.store = store;
        this.orders = orders;
    }

    @Transactional
    public ContractView contractFrom(CurrentUser user, long quoteId) {
        user.require("order", "create");
        QuoteView q = quotes.get(user, quoteId);
        var existing = store.idOfQuote(quoteId);
        if (existing.isPresent()) {
            return contracts.get(user, existing.get());
        }
        if (!QuoteStatus.ACCEPTED.key().equals(q.status())) {
            throw new InvalidInputException("quoteId", "error.order.quoteNotAccepted");
        }
        Long orderId = orders.idOfQuote(quoteId).orElse(null);
        return contracts.create(user, new ContractInput(q.customerId(), null, q.number(), null, null, q.total(), q.currency(), null,
                orderId, q.ownerId()), quoteId);
    }
}
