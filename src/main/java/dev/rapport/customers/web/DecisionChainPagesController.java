package dev.rapport.customers.web;

import dev.rapport.customers.Attitude;
import dev.rapport.customers.ContactManagement;
import dev.rapport.customers.DecisionChain;
import dev.rapport.customers.Stakeholder;
import dev.rapport.customers.StakeholderInput;
import dev.rapport.customers.StakeholderRole;
import dev.rapport.customers.Stakeholders;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.StaleVersionException;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The decision chain section of the customer page (htmx fragments) and its per-contact edit form. */
@Controller
class DecisionChainPagesController {

    /** The edit form's values: what is stored, or what the user sent when it was refused. */
    record StakeholderForm(long contactId, String name, String role, String attitude, Integer influence, Integer strength,
                           Long reportsToId, String notes, long version) {
        static StakeholderForm of(Stakeholder s) {
            return new StakeholderForm(s.contactId(), s.name(), s.role(), s.attitude() == null ? Attitude.NEUTRAL.key() : s.attitude(),
                    s.influence(), s.strength(), s.reportsToId(), s.notes(), s.version());
        }
    }

    private final Stakeholders stakeholders;
    private final ContactManagement contacts;
    private final UserManagement users;

    DecisionChainPagesController(Stakeholders stakeholders, ContactManagement contacts, UserManagement users) {
        this.stakeholders = stakeholders;
        this.contacts = contacts;
        this.users = users;
    }

    @GetMapping("/customers/{id}/decision-chain")
    String chain(@PathVariable long id, Model model) {
        CurrentUser me = users.current();
        return render(me, stakeholders.chain(me, id), null, model);
    }

    @GetMapping("/contacts/{id}/stakeholder/edit")
    String edit(@PathVariable long id, Model model) {
        CurrentUser me = users.current();
        me.require("contact", "edit");
        Stakeholder s = stakeholders.of(me, id);
        long customerId = contacts.visible(me, id).customerId();
        render(me, stakeholders.chain(me, customerId), StakeholderForm.of(s), model);
        return "customers/decision-chain :: editor";
    }

    @PostMapping("/contacts/{id}/stakeholder")
    String save(@PathVariable long id, @RequestParam(required = false) String role, @RequestParam(required = false) String attitude,
                @RequestParam(required = false) Integer influence, @RequestParam(required = false) Integer strength,
                @RequestParam(required = false) Long reportsToId, @RequestParam(required = false) String notes,
                @RequestParam long version, HtmxRequest htmx, Model model) {
        CurrentUser me = users.current();
        long customerId = contacts.visible(me, id).customerId();
        StakeholderForm form = null;
        try {
            stakeholders.set(me, id, version, new StakeholderInput(role, attitude, influence, strength, reportsToId, notes));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            form = new StakeholderForm(id, stakeholders.of(me, id).name(), role, attitude, influence, strength, reportsToId, notes, version);
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
        }
        if (!htmx.isHtmxRequest() && form == null) {
            return "redirect:/customers/" + customerId;
        }
        return render(me, stakeholders.chain(me, customerId), form, model);
    }

    @PostMapping("/contacts/{id}/stakeholder/remove")
    String remove(@PathVariable long id, @RequestParam long version, HtmxRequest htmx, Model model) {
        CurrentUser me = users.current();
        long customerId = contacts.visible(me, id).customerId();
        try {
            stakeholders.remove(me, id, Stakeholders.ORGANIZATION, version);
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
        }
        if (!htmx.isHtmxRequest()) {
            return "redirect:/customers/" + customerId;
        }
        return render(me, stakeholders.chain(me, customerId), null, model);
    }

    private String render(CurrentUser me, DecisionChain chain, StakeholderForm form, Model model) {
        model.addAttribute("chain", chain);
        model.addAttribute("form", form);
        model.addAttribute("canEdit", me.can("contact", "edit"));
        model.addAttribute("roles", StakeholderRole.values());
        model.addAttribute("attitudes", Attitude.values());
        return "customers/decision-chain :: chain";
    }
}
