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
import dev.rapport.sales.InstalmentView;
import dev.rapport.sales.OrderManagement;
import dev.rapport.sales.OrderView;
import dev.rapport.sales.PaymentInput;
import dev.rapport.sales.PaymentManagement;
import dev.rapport.sales.PaymentPlan;
import dev.rapport.sales.PlanAdjustment;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The contract list, the new and edit forms, and the page. A contract on its own shows its payment plan (editable) and
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
            ContractView c = contracts.create(me, new ContractInput(customerId, null, title, startDate, endDate, amount(amount), currency,
                    signedOn, orderId, null));
            return "redirect:/contracts/" + c.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("customer", customers.ref(me, customerId));
            model.addAttribute("orderId", orderId);
            model.addAttribute("form", typed(title, amount, currency, signedOn, startDate, endDate));
            return "sales/contract-form";
        }
    }

    /** The edit form: the contract's fields, and for a draft with its own plan the choice of what to do with the plan. */
    @GetMapping("/contracts/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        CurrentUser me = users.current();
        me.require("order", "edit");
        ContractView c = contracts.get(me, id);
        Map<String, String> values = typed(c.title(), c.amount().toPlainString(), c.currency(), c.signedOn(), c.startDate(), c.endDate());
        values.put("planAdjustment", PlanAdjustment.KEEP.key());
        return editPage(me, c, values, c.version(), model);
    }

    /**
     * Saves the edit. A draft's own payment plan is kept unless the user chose to scale or discard
     * it; when it was scaled or discarded the contract page says so.
     */
    @PostMapping("/contracts/{id}")
    String update(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String title,
                  @RequestParam(required = false) String amount, @RequestParam(required = false) String currency,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
                  @RequestParam(required = false) String planAdjustment, Model model, RedirectAttributes redirect) {
        CurrentUser me = users.current();
        ContractView old = contracts.get(me, id);
        PlanAdjustment adjustment = PlanAdjustment.parse(planAdjustment);
        try {
            List<BigDecimal> before = instalmentAmounts(me, old);
            ContractView saved = contracts.update(me, id, version, new ContractInput(old.customerId(), null, title, startDate, endDate,
                    amount(amount), currency, signedOn, old.orderId(), old.ownerId()), adjustment);
            List<BigDecimal> after = instalmentAmounts(me, saved);
            if (!before.equals(after)) {
                // the contract page says what became of the plan (flash attributes stay plain: they live in the shared session store)
                redirect.addFlashAttribute("planNotice", after.isEmpty() ? "discarded" : "scaled");
            }
            return "redirect:/contracts/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
        }
        Map<String, String> typed = typed(title, amount, currency, signedOn, startDate, endDate);
        typed.put("planAdjustment", adjustment == null ? "" : adjustment.key());
        return editPage(me, old, typed, version, model);
    }

    private String editPage(CurrentUser me, ContractView c, Map<String, String> values, long version, Model model) {
        model.addAttribute("contract", c);
        model.addAttribute("version", version);
        model.addAttribute("customer", customers.ref(me, c.customerId()));
        model.addAttribute("orderId", c.orderId());
        model.addAttribute("form", values);
        if (c.orderId() == null && ContractStatus.DRAFT.key().equals(c.status())) {
            // the choice is offered only where there is a plan it could concern
            PaymentPlan plan = payments.plan(me, "contract", c.id());
            model.addAttribute("plan", plan.instalments().isEmpty() ? null : plan);
        }
        return "sales/contract-form";
    }

    private List<BigDecimal> instalmentAmounts(CurrentUser me, ContractView c) {
        return c.orderId() != null ? List.of()
                : payments.plan(me, "contract", c.id()).instalments().stream().map(InstalmentView::amount).toList();
    }

    private static BigDecimal amount(String amount) {
        try {
            return amount == null || amount.isBlank() ? null : new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("amount", "error.number.invalid");
        }
    }

    private static Map<String, String> typed(String title, String amount, String currency, LocalDate signedOn, LocalDate startDate,
                                             LocalDate endDate) {
        Map<String, String> typed = new HashMap<>();
        typed.put("title", title == null ? "" : title);
        typed.put("amount", amount == null ? "" : amount);
        typed.put("currency", currency == null ? "" : currency);
        typed.put("signedOn", signedOn == null ? "" : signedOn.toString());
        typed.put("startDate", startDate == null ? "" : startDate.toString());
        typed.put("endDate", endDate == null ? "" : endDate.toString());
        return typed;
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
            // a draft's plan is made on activation; a contract that ended as a draft never gets one
            model.addAttribute("planHint", ContractStatus.DRAFT.key().equals(c.status()) ? "payment.planOnActivate" : "payment.planNone");
        }
        model.addAttribute("canEdit", me.can("order", "edit")
                && (ContractStatus.DRAFT.key().equals(c.status()) || ContractStatus.ACTIVE.key().equals(c.status())));
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
