package dev.rapport.sales.web;

import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.DataScope;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.CreditManagement;
import dev.rapport.sales.CreditPolicy;
import dev.rapport.sales.ReceivableRow;
import dev.rapport.sales.query.OrderQuery;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The purchases section of the customer page (an htmx fragment: order history, receivables,
 * overdue, credit terms with the editing form for managers, the risk flag and its rules) and the
 * receivables page (customers with open or overdue money, per owner, keyset paged).
 */
@Controller
class ReceivablePagesController {

    private final CreditManagement credit;
    private final CreditPolicy policy;
    private final OrderQuery orders;
    private final UserManagement users;

    ReceivablePagesController(CreditManagement credit, CreditPolicy policy, OrderQuery orders, UserManagement users) {
        this.credit = credit;
        this.policy = policy;
        this.orders = orders;
        this.users = users;
    }

    @GetMapping("/customers/{id}/orders")
    String purchases(@PathVariable long id, @RequestParam(required = false) String cursor, Model model) {
        CurrentUser me = users.current();
        if (!me.can("order", "view")) {
            return "sales/purchases :: none";
        }
        model.addAttribute("me", me);
        model.addAttribute("overview", credit.overview(me, id));
        var page = orders.list(Map.of("customerId", String.valueOf(id), "sort", "-date"), users.scopeOf(me), cursor, 20);
        model.addAttribute("rows", page.items());
        model.addAttribute("customerId", id);
        model.addAttribute("policy", policy);
        model.addAttribute("canEditTerms", me.can("order", "edit") && me.scope() != DataScope.OWN);
        model.addAttribute("nextUrl", page.next() == null ? null
                : UriComponentsBuilder.fromPath("/customers/{id}/orders").queryParam("cursor", page.next()).buildAndExpand(id).encode().toUriString());
        return "sales/purchases :: purchases";
    }

    @PostMapping("/customers/{id}/credit-terms")
    String saveTerms(@PathVariable long id, @RequestParam(required = false) Integer paymentTermDays,
                     @RequestParam(required = false) String creditLimit, @RequestParam(required = false) String currency,
                     @RequestParam(required = false) Long version, HtmxRequest htmx, Model model) {
        CurrentUser me = users.current();
        try {
            BigDecimal limit = null;
            if (creditLimit != null && !creditLimit.isBlank()) {
                try {
                    limit = new BigDecimal(creditLimit.trim());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("creditLimit", "error.number.invalid");
                }
            }
            credit.saveTerms(me, id, version, paymentTermDays, limit, currency);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
        }
        if (!htmx.isHtmxRequest() && !model.containsAttribute("errors") && !model.containsAttribute("stale")) {
            return "redirect:/customers/" + id + "#purchases";
        }
        return purchases(id, null, model);
    }

    /** {@code show}: "overdue" (the default) or "all" open receivables; {@code ownerId}: one owner in the user's scope. */
    @GetMapping("/receivables")
    String receivables(@RequestParam(required = false) String show, @RequestParam(required = false) Long ownerId,
                       @RequestParam(required = false) String cursor, HtmxRequest htmx, Model model) {
        CurrentUser me = users.current();
        boolean all = "all".equals(show);
        CursorPage<ReceivableRow> page;
        try {
            page = credit.receivables(me, ownerId, !all, cursor, 50);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            page = credit.receivables(me, null, !all, null, 50);
            ownerId = null;
        }
        model.addAttribute("rows", page.items());
        model.addAttribute("show", all ? "all" : "overdue");
        model.addAttribute("ownerId", ownerId);
        model.addAttribute("owners", users.assignableOwners(me));
        model.addAttribute("nextUrl", page.next() == null ? null
                : UriComponentsBuilder.fromPath("/receivables").queryParam("show", all ? "all" : "overdue")
                .queryParam("ownerId", ownerId == null ? "" : ownerId).queryParam("cursor", page.next()).build().encode().toUriString());
        return htmx.isHtmxRequest() && cursor != null ? "sales/receivables :: rows" : "sales/receivables";
    }
}
