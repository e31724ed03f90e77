package dev.rapport.sales.web;

import dev.rapport.customers.CustomerManagement;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.OrderManagement;
import dev.rapport.sales.OrderStatus;
import dev.rapport.sales.OrderView;
import dev.rapport.sales.PaymentInput;
import dev.rapport.sales.PaymentManagement;
import dev.rapport.sales.query.OrderQuery;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The order list, the order page with its payment plan and the "record a payment" form; the form is {@link OrderFormController}. */
@Controller
class OrderPagesController {

    private final OrderManagement orders;
    private final PaymentManagement payments;
    private final OrderQuery query;
    private final CustomerManagement customers;
    private final UserManagement users;

    OrderPagesController(OrderManagement orders, PaymentManagement payments, OrderQuery query, CustomerManagement customers,
                         UserManagement users) {
        this.orders = orders;
        this.payments = payments;
        this.query = query;
        this.customers = customers;
        this.users = users;
    }

    @GetMapping("/orders")
    String list(@RequestParam Map<String, String> params, @RequestParam(required = false) String cursor, HtmxRequest htmx, Model model) {
        CurrentUser me = users.current();
        me.require("order", "view");
        CursorPage<OrderQuery.OrderRow> page = query.list(params, users.scopeOf(me), cursor, 50);
        model.addAttribute("rows", page.items());
        model.addAttribute("names", customers.names(page.items().stream().map(OrderQuery.OrderRow::customerId).toList()));
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("status", params.get("status"));
        model.addAttribute("q", params.get("q"));
        model.addAttribute("nextUrl", page.next() == null ? null : UriComponentsBuilder.fromPath("/orders")
                .queryParam("status", params.getOrDefault("status", "")).queryParam("q", params.getOrDefault("q", ""))
                .queryParam("cursor", page.next()).build().encode().toUriString());
        return htmx.isHtmxRequest() && cursor != null ? "sales/orders :: rows" : "sales/orders";
    }

    /** A typed number, or null when blank; one that is not a number is reported on its field. */
    static BigDecimal number(String s, String field, InvalidInputException.Collector errors) {
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            errors.reject(field, "error.number.invalid");
            return null;
        }
    }

    @GetMapping("/orders/{id}")
    String show(@PathVariable long id, Model model) {
        CurrentUser me = users.current();
        OrderView o = orders.get(me, id);
        model.addAttribute("o", o);
        model.addAttribute("plan", payments.plan(me, "order", id));
        model.addAttribute("canEditPlan", me.can("order", "edit") && !OrderStatus.CANCELLED.key().equals(o.status()));
        model.addAttribute("canEdit", me.can("order", "edit") && OrderStatus.DRAFT.key().equals(o.status()));
        model.addAttribute("methods", PaymentManagement.METHODS.stream().sorted().toList());
        model.addAttribute("today", LocalDate.now(payments.clock()));
        return "sales/order";
    }

    @PostMapping("/orders/{id}/{action:confirm|fulfil|cancel}")
    String transition(@PathVariable long id, @PathVariable String action, @RequestParam long version, Model model) {
        CurrentUser me = users.current();
        try {
            switch (action) {
                case "confirm" -> orders.confirm(me, id, version);
                case "fulfil" -> orders.fulfil(me, id, version);
                default -> orders.cancel(me, id, version);
            }
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return show(id, model);
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
            return show(id, model);
        }
        return "redirect:/orders/" + id;
    }

    @PostMapping("/orders/{id}/payments")
    String pay(@PathVariable long id, @RequestParam(required = false) String amount,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
               @RequestParam(required = false) String method, @RequestParam(required = false) String reference,
               @RequestParam(required = false) Long instalmentId, Model model) {
        CurrentUser me = users.current();
        try {
            var errors = new InvalidInputException.Collector();
            BigDecimal value = amount == null || amount.isBlank() ? null : number(amount.trim(), "amount", errors);
            errors.throwIfAny();
            payments.record(me, new PaymentInput(id, null, instalmentId, receivedOn, value, method, reference));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return show(id, model);
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
            return show(id, model);
        }
        return "redirect:/orders/" + id + "#payments";
    }
}
