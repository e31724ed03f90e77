package dev.rapport.sales.web;

import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.ETags;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.sales.OpportunityLineInput;
import dev.rapport.sales.OpportunityLines;
import dev.rapport.sales.OpportunityProducts;
import dev.rapport.sales.OpportunityQuotes;
import dev.rapport.sales.QuoteView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The products (lines) of an opportunity, and a quote made from them. */
@RestController
@RequestMapping("/api/v1/opportunities/{id}")
@Tag(name = "Opportunities")
class OpportunityLineApiController {

    record LinesRequest(Long priceBookId, List<OpportunityLineInput> lines, Long version) {
    }

    private final OpportunityLines lines;
    private final OpportunityQuotes quotes;
    private final UserManagement users;

    OpportunityLineApiController(OpportunityLines lines, OpportunityQuotes quotes, UserManagement users) {
        this.lines = lines;
        this.quotes = quotes;
        this.users = users;
    }

    @Operation(summary = "The opportunity's products: lines with quantity, unit price, discount % and line total in its "
            + "currency, the price book, and the amount (the lines' sum while there are lines); the ETag is the opportunity's version")
    @GetMapping("/products")
    ResponseEntity<OpportunityProducts> get(@PathVariable long id) {
        OpportunityProducts p = lines.get(users.current(), id);
        return ResponseEntity.ok().eTag(ETags.of(p.version())).body(p);
    }

    @Operation(summary = "Replace the opportunity's products (an empty list removes them). A line without unitPrice takes the "
            + "price book's tier price for its quantity; priceBookId (in the opportunity's currency) defaults to the current or "
            + "default book, 0 means none (typed prices only). Send If-Match or version (the opportunity's; stale → 412/409); the amount becomes the lines' sum")
    @PutMapping("/products")
    ResponseEntity<OpportunityProducts> put(@PathVariable long id, @RequestBody LinesRequest request,
                                            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        if ((ifMatch == null || ifMatch.isBlank()) && request.version() == null) {
            throw new InvalidInputException("version", "error.version.required");
        }
        long expected = ETags.expectedVersion(ifMatch, request.version(), lines.get(me, id).version());
        OpportunityProducts p = lines.replace(me, id, expected, request.priceBookId(), request.lines());
        return ResponseEntity.ok().eTag(ETags.of(p.version())).body(p);
    }

    @Operation(summary = "Create a draft quote from the opportunity: its customer, contact, price book and product lines, "
            + "linked to it (needs quote:create and at least one line)")
    @PostMapping("/quote")
    ResponseEntity<QuoteView> quote(@PathVariable long id) {
        QuoteView q = quotes.create(users.current(), id);
        return ResponseEntity.created(URI.create("/api/v1/quotes/" + q.id())).body(q);
    }
}
