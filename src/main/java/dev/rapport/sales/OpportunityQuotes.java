package dev.rapport.sales;

import dev.rapport.identity.CurrentUser;
import dev.rapport.platform.InvalidInputException;
import java.math.BigDecimal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A quote made from an opportunity: a draft for its customer and contact, linked to it, priced from
 * its price book, with its product lines (typed prices and discounts kept, tier prices read again,
 * no tax until the user adds it, so the draft starts at the opportunity's amount). Needs
 * {@code quote:create}, an opportunity with lines, and a price book in its currency (a quote takes
 * its currency from its book): its own, or else an active one in that currency.
 */
@Service
public class OpportunityQuotes {

    private final OpportunityLines lines;
    private final QuoteManagement quotes;

    OpportunityQuotes(OpportunityLines lines, QuoteManagement quotes) {
        this.lines = lines;
        this.quotes = quotes;
    }

    @Transactional
    public QuoteView create(CurrentUser user, long opportunityId) {
        user.require("quote", "create");
        OpportunityProducts p = lines.get(user, opportunityId);
        if (p.lines().isEmpty()) {
            throw new InvalidInputException("lines", "error.quote.noLines");
        }
        OpportunityDetails o = lines.opportunity(user, opportunityId);
        // a quote's currency is its price book's: take one in the opportunity's currency
        Long book = p.priceBookId() != null ? p.priceBookId()
                : lines.booksFor(user, o.currency()).stream().map(PriceBookView::id).findFirst()
                        .orElseThrow(() -> new InvalidInputException("priceBookId", "error.opportunityLine.quoteCurrency", o.currency()));
        var quoteLines = p.lines().stream().map(l -> new QuoteLineInput(l.productId(), null, l.quantity(),
                l.priceOverridden() ? l.unitPrice() : null, l.discountPercent(), BigDecimal.ZERO)).toList();
        return quotes.create(user, new QuoteInput(o.customerId(), o.contactId(), o.id(), book, null, BigDecimal.ZERO,
                null, null, quoteLines));
    }
}
