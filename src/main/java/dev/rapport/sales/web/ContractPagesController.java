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
import dev.rapport.sales.PaymentManagement;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The contract list, form and page. */
@Controller
class ContractPagesController {

    private final ContractManagement contracts;
    private final PaymentManagement payments;
    private final CustomerManagement customers;
    private final UserManagement users;

    ContractPagesController(ContractManagement contracts, PaymentManagement payments, CustomerManagement customers,
                            UserManagement users) {
        this.contracts = contracts;
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
            return "sales/contract-form";
        }
    }

    @GetMapping("/contracts/{id}")
    String show(@PathVariable long id, Model model) {
        CurrentUser me = users.current();
        ContractView c = contracts.get(me, id);
        model.addAttribute("k", c);
        model.addAttribute("plan", payments.plan(me, "contract", id));
        return "sales/contract";
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
