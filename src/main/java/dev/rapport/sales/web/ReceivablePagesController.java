package dev.rapport.sales.web;

import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.DataScope;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.CreditManagement;
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
 * overdue, credit terms, risk flag) and the receivables page (customers with overdue money).
 */
@Controller
class ReceivablePagesController {

    private final CreditManagement credit;
    private final OrderQuery orders;
    private final UserManagement users;

    ReceivablePagesController(CreditManagement credit, OrderQuery orders, UserManagement users) {
        this.credit = credit;
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
        var page = orders.list(Map.of("customerId", String.valueOf(id)), users.scopeOf(me), cursor, 20);
        model.addAttribute("rows", page.items());
        model.addAttribute("customerId", id);
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

    @GetMapping("/receivables")
    String receivables(@RequestParam(required = false) String cursor, HtmxRequest htmx, Model model) {
        CurrentUser me = users.current();
        CursorPage<ReceivableRow> page = credit.overdueCustomers(me, cursor, 50);
        model.addAttribute("rows", page.items());
        model.addAttribute("nextUrl", page.next() == null ? null
                : UriComponentsBuilder.fromPath("/receivables").queryParam("cursor", page.next()).build().encode().toUriString());
        return htmx.isHtmxRequest() && cursor != null ? "sales/receivables :: rows" : "sales/receivables";
    }
}
