package dev.rapport.sales.web;

import dev.rapport.customers.ContactManagement;
import dev.rapport.customers.CustomerManagement;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.OpportunityDetails;
import dev.rapport.sales.OpportunityInput;
import dev.rapport.sales.OpportunityManagement;
import dev.rapport.sales.PipelineManagement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Create and edit forms of an opportunity. A new opportunity starts from a customer (the "new
 * opportunity" link on the customer page passes it); the stage is chosen on create and later
 * changed by the stage actions, which keep the stage history.
 */
@Controller
class OpportunityFormController {

    private final OpportunityManagement opportunities;
    private final PipelineManagement pipelines;
    private final CustomerManagement customers;
    private final ContactManagement contacts;
    private final UserManagement users;

    OpportunityFormController(OpportunityManagement opportunities, PipelineManagement pipelines, CustomerManagement customers,
                              ContactManagement contacts, UserManagement users) {
        this.opportunities = opportunities;
        this.pipelines = pipelines;
        this.customers = customers;
        this.contacts = contacts;
        this.users = users;
    }

    @GetMapping("/opportunities/new")
    String newForm(@RequestParam(required = false) Long customer, Model model) {
        CurrentUser me = users.current();
        me.require("opportunity", "create");
        OpportunityInput in = new OpportunityInput("", customer, null, null, null, null, "CNY", null, me.id(), null, null);
        return form(me, in, null, null, model);
    }

    @PostMapping("/opportunities")
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) Long customerId,
                  @RequestParam(required = false) Long contactId, @RequestParam(required = false) Long pipelineId,
                  @RequestParam(required = false) Long stageId, @RequestParam(required = false) BigDecimal amount,
                  @RequestParam(required = false) String currency,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedCloseDate,
                  @RequestParam(required = false) Long ownerId, @RequestParam(required = false) String competitors, Model model) {
        CurrentUser me = users.current();
        if (pipelineId == null && stageId != null) {
            // the form offers the stages of every pipeline; the chosen stage names its pipeline
            pipelineId = pipelines.all(me).stream().filter(p -> p.stage(stageId) != null).map(p -> p.id()).findFirst().orElse(null);
        }
        OpportunityInput in = new OpportunityInput(name, customerId, contactId, pipelineId, stageId, amount, currency,
                expectedCloseDate, ownerId, competitors, null);
        try {
            OpportunityDetails o = opportunities.create(me, in);
            return "redirect:/opportunities/" + o.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return form(me, in, null, null, model);
        }
    }

    @GetMapping("/opportunities/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        CurrentUser me = users.current();
        me.require("opportunity", "edit");
        OpportunityDetails o = opportunities.details(me, id);
        return form(me, opportunities.inputOf(me, id), id, o.version(), model);
    }

    @PostMapping("/opportunities/{id}")
    String update(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String name,
                  @RequestParam(required = false) Long contactId, @RequestParam(required = false) BigDecimal amount,
                  @RequestParam(required = false) String currency,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedCloseDate,
                  @RequestParam(required = false) Long ownerId, @RequestParam(required = false) String competitors, Model model) {
        CurrentUser me = users.current();
        OpportunityInput stored = opportunities.inputOf(me, id);
        OpportunityInput in = new OpportunityInput(name, stored.customerId(), contactId, stored.pipelineId(), stored.stageId(),
                amount, currency, expectedCloseDate, ownerId, competitors, stored.leadId());
        try {
            opportunities.update(me, id, version, in);
            return "redirect:/opportunities/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return form(me, in, id, version, model);
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
            OpportunityDetails current = opportunities.details(me, id);
            return form(me, opportunities.inputOf(me, id), id, current.version(), model);
        }
    }

    private String form(CurrentUser me, OpportunityInput in, Long id, Long version, Model model) {
        model.addAttribute("in", in);
        model.addAttribute("id", id);
        model.addAttribute("version", version);
        model.addAttribute("pipelines", pipelines.all(me));
        model.addAttribute("owners", users.assignableOwners(me));
        String customerName = null;
        List<?> contactList = List.of();
        if (in.customerId() != null) {
            try {
                customerName = customers.ref(me, in.customerId()).name();
                contactList = contacts.ofCustomer(me, in.customerId());
            } catch (NotFoundException e) {
                // shown as a field error when saved
            }
        }
        model.addAttribute("customerName", customerName);
        model.addAttribute("contacts", contactList);
        model.addAttribute("chosenContact", in.contactId());
        // the picker starts with the chosen customer (from the customer page, or the form sent back)
        model.addAttribute("chosen", customerName == null ? null : new dev.rapport.customers.CustomerRef(in.customerId(), customerName, null));
        model.addAttribute("choices", List.of());
        model.addAttribute("searched", false);
        return "opportunities/form";
    }
}
