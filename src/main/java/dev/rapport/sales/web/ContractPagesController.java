package dev.rapport.sales.web;

import dev.rapport.customers.CustomerManagement;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.ContractInput;
import dev.rapport.sales.ContractManagement;
import dev.rapport.sales.ContractStatus;
import dev.rapport.sales.ContractView;
import dev.rapport.sales.OrderManagement;
import dev.rapport.sales.OrderView;
import dev.rapport.sales.PaymentInput;
import dev.rapport.sales.PaymentManagement;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The contract list, form and page. A contract on its own shows its payment plan (editable) and
 * the "record a payment" form; a contract paid through an order shows that order with its plan and
 * payments. The order page lists its contracts through {@code /orders/{id}/contracts} (htmx).
 */
@Controller
class ContractPagesController {

    private final ContractManagement contracts;
    private final PaymentManagement payments;
    private final OrderManagement orders;
    private final CustomerManagement customers;
    private final UserManagement users;

    ContractPagesController(ContractManagement contracts, PaymentManagement payments, OrderManagement orders,
                            CustomerManagement customers, UserManagement users) {
        this.contracts = contracts;
        this.orders = orders;
        this.payments = payments;
        this.customers = customers;
        this.users = users;
    }

    @GetMapping("/contracts")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
                @RequestParam(required = false) String cursor, HtmxRequest htmx, Model model) {
        CursorPage<ContractView> page = contracts.list(users.current(), null, status, q, cursor, 50);
        model.addAttribute("rows", page.items());
        model.addAttribute("statuses", ContractStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("nextUrl", page.next() == null ? null : UriComponentsBuilder.fromPath("/contracts")
                .queryParam("status", status == null ? "" : status).queryParam("q", q == null ? "" : q)
                .queryParam("cursor", page.next()).build().encode().toUriString());
        return htmx.isHtmxRequest() && cursor != null ? "sales/contracts :: rows" : "sales/contracts";
    }

    @GetMapping("/contracts/new")
    String newForm(@RequestParam long customerId, @RequestParam(required = false) Long orderId, Model model) {
        CurrentUser me = users.current();
        me.require("order", "create");
        model.addAttribute("customer", customers.ref(me, customerId));
        model.addAttribute("orderId", orderId);
        if (orderId != null) {
            // a contract for an order starts from the order's amount, currency and date
            OrderView o = orders.get(me, orderId);
            model.addAttribute("order", o);
            model.addAttribute("form", Map.of("title", o.number(), "amount", o.total().toPlainString(), "currency", o.currency(),
                    "signedOn", o.orderDate().toString(), "startDate", "", "endDate", ""));
        }
        return "sales/contract-form";
    }

    @PostMapping("/contracts")
    String create(@RequestParam long customerId, @RequestParam(required = false) String title,
                  @RequestParam(required = false) String amount, @RequestParam(required = false) String currency,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
                  @RequestParam(required = false) Long orderId, Model model) {
        CurrentUser me = users.current();
        try {
            BigDecimal value;
            try {
                value = amount == null || amount.isBlank() ? null : new BigDecimal(amount.trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("amount", "error.number.invalid");
            }
            ContractView c = contracts.create(me, new ContractInput(customerId, null, title, startDate, endDate, value, currency,
                    signedOn, orderId, null));
            return "redirect:/contracts/" + c.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("customer", customers.ref(me, customerId));
            model.addAttribute("orderId", orderId);
            Map<String, String> typed = new HashMap<>();
            typed.put("title", title == null ? "" : title);
            typed.put("amount", amount == null ? "" : amount);
            typed.put("currency", currency == null ? "" : currency);
            typed.put("signedOn", signedOn == null ? "" : signedOn.toString());
            typed.put("startDate", startDate == null ? "" : startDate.toString());
            typed.put("endDate", endDate == null ? "" : endDate.toString());
            model.addAttribute("form", typed);
            return "sales/contract-form";
        }
    }

    @GetMapping("/contracts/{id}")
    String show(@PathVariable long id, Model model) {
        CurrentUser me = users.current();
        ContractView c = contracts.get(me, id);
        model.addAttribute("k", c);
        if (c.orderId() != null) {
            model.addAttribute("order", orders.get(me, c.orderId()));
            model.addAttribute("plan", payments.plan(me, "order", c.orderId()));
            model.addAttribute("canEditPlan", false);
        } else {
            model.addAttribute("plan", payments.plan(me, "contract", id));
            model.addAttribute("canEditPlan", me.can("order", "edit") && !ContractStatus.TERMINATED.key().equals(c.status()));
        }
        model.addAttribute("methods", PaymentManagement.METHODS.stream().sorted().toList());
        model.addAttribute("today", LocalDate.now(payments.clock()));
        return "sales/contract";
    }

    /** Records a payment on a contract that carries its own plan (one paid through an order is paid on the order). */
    @PostMapping("/contracts/{id}/payments")
    String pay(@PathVariable long id, @RequestParam(required = false) String amount,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
               @RequestParam(required = false) String method, @RequestParam(required = false) String reference,
               @RequestParam(required = false) Long instalmentId, Model model) {
        try {
            BigDecimal value;
            try {
                value = amount == null || amount.isBlank() ? null : new BigDecimal(amount.trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("amount", "error.number.invalid");
            }
            payments.record(users.current(), new PaymentInput(null, id, instalmentId, receivedOn, value, method, reference));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return show(id, model);
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
            return show(id, model);
        }
        return "redirect:/contracts/" + id + "#payment-plan";
    }

    /** The contracts of an order, for its page (loaded with htmx). */
    @GetMapping("/orders/{id}/contracts")
    String ofOrder(@PathVariable long id, Model model) {
        model.addAttribute("contracts", contracts.ofOrder(users.current(), id));
        return "sales/contract :: ofOrder";
    }

    @PostMapping("/contracts/{id}/status")
    String status(@PathVariable long id, @RequestParam String status, @RequestParam long version, Model model) {
        try {
            contracts.changeStatus(users.current(), id, version, ContractStatus.parse(status));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return show(id, model);
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
            return show(id, model);
        }
        return "redirect:/contracts/" + id;
    }
}
