package dev.rapport.sales.web;

import dev.rapport.identity.CurrentUser;
import dev.rapport.sales.OpportunityDetails;
import dev.rapport.sales.OpportunityManagement;
import dev.rapport.sales.Pipeline;
import dev.rapport.sales.PipelineManagement;
import dev.rapport.sales.ProductManagement;
import dev.rapport.sales.ProductView;
import dev.rapport.sales.QuoteManagement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the quote form offers to choose from: the customer's contacts and opportunities, the price
 * books and the active products. The opportunities are those of the quote's customer that the user
 * may see (open ones first), each shown with its stage and amount; the server still checks the
 * choice ({@code QuoteParties#opportunity}), so a posted id outside this list is refused.
 */
@Component
class QuoteFormChoices {

    static final int MAX_OPPORTUNITIES = 200;

    /** One opportunity the quote can belong to, as its option shows it. */
    record OpportunityChoice(long id, String name, String stage, String amount, boolean open) {
    }

    private final QuoteManagement quotes;
    private final ProductManagement products;
    private final OpportunityManagement opportunities;
    private final PipelineManagement pipelines;
    private final PipelineNames names;

    QuoteFormChoices(QuoteManagement quotes, ProductManagement products, OpportunityManagement opportunities,
                     PipelineManagement pipelines, PipelineNames names) {
        this.quotes = quotes;
        this.products = products;
        this.opportunities = opportunities;
        this.pipelines = pipelines;
        this.names = names;
    }

    Long defaultBookId() {
        return products.defaultBookId().orElse(null);
    }

    List<ProductView> products(CurrentUser me) {
        return products.products(me, null, true, null, 200).items();
    }

    /**
     * Fills the form's choices for a quote of that customer (404 when the user may not see the
     * customer). An opportunity already chosen that is not among the choices (no longer visible) stays
     * selected as its id, for the server to judge, rather than being dropped without a word.
     */
    void fill(CurrentUser me, long customerId, String chosenOpportunity, Model model) {
        model.addAttribute("customerName", quotes.customerName(me, customerId));
        model.addAttribute("contacts", quotes.contactsOf(me, customerId));
        model.addAttribute("books", products.books(me));
        model.addAttribute("products", products(me));
        List<OpportunityChoice> choices = opportunities(me, customerId);
        model.addAttribute("openOpportunities", choices.stream().filter(OpportunityChoice::open).toList());
        model.addAttribute("closedOpportunities", choices.stream().filter(o -> !o.open()).toList());
        String chosen = chosenOpportunity == null ? "" : chosenOpportunity.trim();
        model.addAttribute("unlistedOpportunity", chosen.isEmpty() || choices.stream().anyMatch(o -> chosen.equals(String.valueOf(o.id())))
                ? null : chosen);
    }

    /** The quote's opportunity among the user's choices, or null when it has none or the user may not see it. */
    OpportunityChoice opportunityOf(CurrentUser me, long customerId, Long opportunityId) {
        return opportunityId == null ? null
                : opportunities(me, customerId).stream().filter(o -> o.id() == opportunityId).findFirst().orElse(null);
    }

    /** The customer's opportunities the user may see, open ones first, newest first; none without {@code opportunity:view}. */
    List<OpportunityChoice> opportunities(CurrentUser me, long customerId) {
        if (!me.can("opportunity", "view")) {
            return List.of();
        }
        List<OpportunityDetails> found = new ArrayList<>(opportunities.ofCustomer(me, customerId, MAX_OPPORTUNITIES));
        found.sort(Comparator.comparing((OpportunityDetails o) -> !o.isOpen()));
        List<Pipeline> all = found.isEmpty() ? List.of() : pipelines.all(me);
        return found.stream().map(o -> new OpportunityChoice(o.id(), o.name(), names.stage(all, o.stageId()),
                o.amount() == null ? null : o.currency() + " " + o.amount().toPlainString(), o.isOpen())).toList();
    }
}
