package dev.rapport.sales.web;

import dev.rapport.identity.UserManagement;
import dev.rapport.platform.ETags;
import dev.rapport.sales.ContractView;
import dev.rapport.sales.OrderView;
import dev.rapport.sales.QuoteContracts;
import dev.rapport.sales.QuoteOrders;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** An accepted quote becomes an order or a contract. */
@RestController
@Tag(name = "Quotes")
class QuoteOrderApiController {

    private final QuoteOrders quoteOrders;
    private final QuoteContracts quoteContracts;
    private final UserManagement users;

    QuoteOrderApiController(QuoteOrders quoteOrders, QuoteContracts quoteContracts, UserManagement users) {
        this.quoteOrders = quoteOrders;
        this.quoteContracts = quoteContracts;
        this.users = users;
    }

    @Operation(summary = "Create the draft order of an accepted quote (its lines, the quote discount folded into each line); "
            + "asking again answers the same order")
    @PostMapping("/api/v1/quotes/{id}/order")
    ResponseEntity<OrderView> order(@PathVariable long id) {
        OrderView o = quoteOrders.orderFrom(users.current(), id);
        return ResponseEntity.created(URI.create("/api/v1/orders/" + o.id())).eTag(ETags.of(o.version())).body(o);
    }

    @Operation(summary = "Create the draft contract of an accepted quote (its customer, owner, currency and total, titled after the quote); "
            + "paid through the quote's order if there is one, else it carries its own payment plan once active. "
            + "Asking again answers the same contract")
    @PostMapping("/api/v1/quotes/{id}/contract")
    ResponseEntity<ContractView> contract(@PathVariable long id) {
        ContractView c = quoteContracts.contractFrom(users.current(), id);
        return ResponseEntity.created(URI.create("/api/v1/contracts/" + c.id())).eTag(ETags.of(c.version())).body(c);
    }
}
