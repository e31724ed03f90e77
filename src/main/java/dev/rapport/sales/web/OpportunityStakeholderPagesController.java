package dev.rapport.sales.web;

import dev.rapport.customers.Attitude;
import dev.rapport.customers.DecisionChain;
import dev.rapport.customers.Stakeholder;
import dev.rapport.customers.StakeholderInput;
import dev.rapport.customers.StakeholderRole;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.OpportunityStakeholders;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The opportunity page's decision chain (决策链), drawn and edited with the customer page's map and
 * form: a contact's place set here is this deal's own (the organization's chain keeps its own), and
 * "use the organization's place" drops it again. Editing needs opportunity:edit and contact:edit.
 */
@Controller
class OpportunityStakeholderPagesController {

    /** The edit form's values: what applies now, or what the user sent when it was refused. */
    record PlaceForm(long contactId, String name, String role, String attitude, Integer influence, Integer strength,
                     Long reportsToId, String notes, long version) {
        static PlaceForm of(Stakeholder s) {
            return new PlaceForm(s.contactId(), s.name(), s.role(), s.attitude() == null ? Attitude.NEUTRAL.key() : s.attitude(),
                    s.influence(), s.strength(), s.reportsToId(), s.notes(), s.version());
        }
    }

    private final OpportunityStakeholders chains;
    private final UserManagement users;

    OpportunityStakeholderPagesController(OpportunityStakeholders chains, UserManagement users) {
        this.chains = chains;
        this.users = users;
    }

    @GetMapping("/opportunities/{id}/decision-chain")
    String chain(@PathVariable long id, Model model) {
        CurrentUser me = users.current();
        return render(me, id, chains.chain(me, id), null, model);
    }

    @GetMapping("/opportunities/{id}/stakeholders/{contactId}/edit")
    String edit(@PathVariable long id, @PathVariable long contactId, Model model) {
        CurrentUser me = users.current();
        me.require("opportunity", "edit");
        me.require("contact", "edit");
        DecisionChain chain = chains.chain(me, id);
        render(me, id, chain, PlaceForm.of(node(chain, contactId)), model);
        return "customers/decision-chain :: editor";
    }

    @PostMapping("/opportunities/{id}/stakeholders/{contactId}")
    String save(@PathVariable long id, @PathVariable long contactId, @RequestParam(required = false) String role,
                @RequestParam(required = false) String attitude, @RequestParam(required = false) Integer influence,
                @RequestParam(required = false) Integer strength, @RequestParam(required = false) Long reportsToId,
                @RequestParam(required = false) String notes, @RequestParam long version, HtmxRequest htmx, Model model) {
        CurrentUser me = users.current();
        PlaceForm form = null;
        try {
            chains.set(me, id, contactId, version, new StakeholderInput(role, attitude, influence, strength, reportsToId, notes));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            form = new PlaceForm(contactId, node(chains.chain(me, id), contactId).name(), role, attitude, influence, strength,
                    reportsToId, notes, version);
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
        }
        if (!htmx.isHtmxRequest() && form == null) {
            return "redirect:/opportunities/" + id;
        }
        return render(me, id, chains.chain(me, id), form, model);
    }

    /** Drops this deal's own place of the contact: the organization's applies again. */
    @PostMapping("/opportunities/{id}/stakeholders/{contactId}/remove")
    String remove(@PathVariable long id, @PathVariable long contactId, @RequestParam long version, HtmxRequest htmx, Model model) {
        CurrentUser me = users.current();
        try {
            chains.remove(me, id, contactId, version);
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
        }
        if (!htmx.isHtmxRequest()) {
            return "redirect:/opportunities/" + id;
        }
        return render(me, id, chains.chain(me, id), null, model);
    }

    private static Stakeholder node(DecisionChain chain, long contactId) {
        return chain.stakeholders().stream().filter(s -> s.contactId() == contactId).findFirst()
                .orElseThrow(() -> new NotFoundException("contact", contactId));
    }

    private String render(CurrentUser me, long opportunityId, DecisionChain chain, PlaceForm form, Model model) {
        model.addAttribute("chain", chain);
        model.addAttribute("form", form);
        model.addAttribute("chainOpportunityId", opportunityId);
        model.addAttribute("canEdit", me.can("opportunity", "edit") && me.can("contact", "edit"));
        model.addAttribute("roles", StakeholderRole.values());
        model.addAttribute("attitudes", Attitude.values());
        return "customers/decision-chain :: chain";
    }
}
