package dev.rapport.sales.web;

import dev.rapport.customers.Attitude;
import dev.rapport.customers.StakeholderRole;
import dev.rapport.identity.UserManagement;
import dev.rapport.sales.OpportunityStakeholders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The opportunity page's decision-chain map, drawn with the customer page's map (read-only here;
 * places of a contact in this deal are set through the API).
 */
@Controller
class OpportunityStakeholderPagesController {

    private final OpportunityStakeholders chains;
    private final UserManagement users;

    OpportunityStakeholderPagesController(OpportunityStakeholders chains, UserManagement users) {
        this.chains = chains;
        this.users = users;
    }

    @GetMapping("/opportunities/{id}/decision-chain")
    String chain(@PathVariable long id, Model model) {
        model.addAttribute("chain", chains.chain(users.current(), id));
        model.addAttribute("form", null);
        model.addAttribute("canEdit", false);
        model.addAttribute("roles", StakeholderRole.values());
        model.addAttribute("attitudes", Attitude.values());
        return "customers/decision-chain :: chain";
    }
}
