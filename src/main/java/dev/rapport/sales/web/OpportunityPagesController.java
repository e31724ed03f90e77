package dev.rapport.sales.web;

import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.OpportunityDetails;
import dev.rapport.sales.OpportunityFilter;
import dev.rapport.sales.OpportunityManagement;
import dev.rapport.sales.PipelineManagement;
import dev.rapport.sales.query.OpportunityQuery;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The opportunity list, the opportunity page with its stage actions, and the section on the customer page. */
@Controller
class OpportunityPagesController {

    private final OpportunityManagement opportunities;
    private final PipelineManagement pipelines;
    private final UserManagement users;
    private final AuditLog audit;

    OpportunityPagesController(OpportunityManagement opportunities, PipelineManagement pipelines, UserManagement users, AuditLog audit) {
        this.opportunities = opportunities;
        this.pipelines = pipelines;
        this.users = users;
        this.audit = audit;
    }

    @GetMapping("/opportunities")
    String list(@RequestParam Map<String, String> params, @RequestParam(required = false) String cursor,
                HtmxRequest htmx, Model model) {
        CurrentUser me = users.current();
        OpportunityFilter filter;
        try {
            filter = OpportunityFilter.from(params);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            filter = OpportunityFilter.empty();
        }
        var page = opportunities.list(me, filter, cursor, 50);
        model.addAttribute("items", page.items());
        model.addAttribute("next", page.next());
        model.addAttribute("filter", filter);
        model.addAttribute("pipelines", pipelines.all(me));
        model.addAttribute("owners", users.assignableOwners(me));
        model.addAttribute("sorts", OpportunityFilter.SORTS);
        model.addAttribute("query", BoardPagesController.listQuery(params));
        model.addAttribute("canExport", me.can("opportunity", "export"));
        if (htmx.isHtmxRequest() && cursor != null) {
            return "opportunities/list :: rows";
        }
        long count = opportunities.count(me, filter);
        model.addAttribute("count", Math.min(count, OpportunityQuery.COUNT_CAP));
        model.addAttribute("capped", count > OpportunityQuery.COUNT_CAP);
        return "opportunities/list";
    }

    @GetMapping("/opportunities/{id}")
    String show(@PathVariable long id, Model model) {
        CurrentUser me = users.current();
        OpportunityDetails o = opportunities.details(me, id);
        model.addAttribute("o", o);
        model.addAttribute("me", me);
        model.addAttribute("pipeline", pipelines.get(me, o.pipelineId()));
        model.addAttribute("stageHistory", opportunities.stageHistory(me, id));
        model.addAttribute("entries", audit.history("opportunity", id, null, 50).items());
        return "opportunities/show";
    }

    /** The stage actions of the opportunity page (move, won, lost): a plain form post, so they also work without JavaScript. */
    @PostMapping("/opportunities/{id}/stage")
    String stage(@PathVariable long id, @RequestParam long stageId, @RequestParam long version,
                 @RequestParam(required = false) String lossReason, Model model, RedirectAttributes redirect) {
        CurrentUser me = users.current();
        try {
            opportunities.moveToStage(me, id, version, stageId, lossReason);
            return "redirect:/opportunities/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
        }
        return show(id, model);
    }

    @PostMapping("/opportunities/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        opportunities.delete(users.current(), id);
        return "redirect:/opportunities";
    }

    /** The opportunities section of the customer page, loaded by htmx. */
    @GetMapping("/customers/{id}/opportunities")
    String ofCustomer(@PathVariable long id, Model model) {
        CurrentUser me = users.current();
        model.addAttribute("items", opportunities.ofCustomer(me, id, 50));
        model.addAttribute("customerId", id);
        model.addAttribute("pipelines", pipelines.all(me));
        model.addAttribute("canCreate", me.can("opportunity", "create"));
        return "opportunities/of-customer :: section";
    }
}
