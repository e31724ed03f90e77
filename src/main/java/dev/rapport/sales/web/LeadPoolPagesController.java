package dev.rapport.sales.web;

import dev.rapport.customers.Pool;
import dev.rapport.customers.PoolCapReachedException;
import dev.rapport.customers.Pools;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.LeadDetails;
import dev.rapport.sales.LeadManagement;
import dev.rapport.sales.LeadPools;
import dev.rapport.sales.LeadRow;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Leads in the public pools on the pages: the leads section of a pool's page (loaded by htmx into
 * the customers' pool page, which knows nothing of leads), claim from it, and the pool panel of a
 * lead's page (claim, release with a reason).
 */
@Controller
class LeadPoolPagesController {

    private static final int PAGE = 50;

    private final LeadPools leadPools;
    private final LeadManagement leads;
    private final Pools pools;
    private final UserManagement users;
    private final MessageSource messages;

    LeadPoolPagesController(LeadPools leadPools, LeadManagement leads, Pools pools, UserManagement users, MessageSource messages) {
        this.leadPools = leadPools;
        this.leads = leads;
        this.pools = pools;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/pools/{id}/leads")
    String poolLeads(@PathVariable long id, @RequestParam(required = false) Long before, HtmxRequest htmx, Model model) {
        CurrentUser me = users.current();
        Pool pool = pools.visible(me, id);
        boolean canView = me.can("lead", "view");
        List<LeadRow> rows = canView ? leadPools.inPool(me, id, before, PAGE + 1) : List.of();
        Long next = null;
        if (rows.size() > PAGE) {
            rows = rows.subList(0, PAGE);
            next = rows.get(PAGE - 1).id();
        }
        model.addAttribute("pool", pool);
        model.addAttribute("canView", canView);
        model.addAttribute("canClaim", me.can("lead", "edit"));
        boolean canAssign = me.can("lead", "edit") && me.scope() != dev.rapport.identity.DataScope.OWN;
        model.addAttribute("canAssign", canAssign);
        model.addAttribute("assignees", canAssign ? users.assignableOwners(me) : List.of());
        model.addAttribute("leadRows", rows);
        model.addAttribute("held", leadPools.heldFrom(me, id));
        model.addAttribute("nextUrl", next == null ? null : "/pools/" + id + "/leads?before=" + next);
        if (!htmx.isHtmxRequest()) {
            return "sales/pool-leads";
        }
        return before == null ? "sales/pool-leads :: leads" : "sales/pool-leads :: rows";
    }

    /** The signed-in owner's leads due back soon: a section of the customers' /pools/due page, loaded by htmx. */
    @GetMapping("/pools/due/leads")
    String dueLeads(Model model) {
        CurrentUser me = users.current();
        boolean canView = me.can("lead", "view");
        model.addAttribute("canView", canView);
        model.addAttribute("dueLeads", canView ? leadPools.dueSoon(me, 200) : List.of());
        model.addAttribute("poolNames", pools.all().stream().collect(java.util.stream.Collectors.toMap(Pool::id, Pool::name)));
        return "sales/pool-leads :: due";
    }

    @PostMapping("/pools/{id}/leads/claim")
    String claim(@PathVariable long id, @RequestParam(required = false) List<Long> ids, RedirectAttributes redirect) {
        try {
            List<LeadPools.Outcome> results = leadPools.claim(users.current(), id, ids);
            long won = results.stream().filter(r -> r.result().equals("claimed")).count();
            redirect.addFlashAttribute("flash", messages.getMessage("lead.pool.claimedCount", new Object[] {won, results.size()},
                    LocaleContextHolder.getLocale()));
        } catch (PoolCapReachedException e) {
            redirect.addFlashAttribute("flash", capMessage(e));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flash", messages.getMessage("lead.pool.noneSelected", null, LocaleContextHolder.getLocale()));
        }
        return "redirect:/pools?pool=" + id;
    }

    /** A manager gives the selected pool leads to one of the people in their scope (分配). */
    @PostMapping("/pools/{id}/leads/assign")
    String assign(@PathVariable long id, @RequestParam(required = false) List<Long> ids, @RequestParam(required = false) Long ownerId,
                  RedirectAttributes redirect) {
        java.util.Locale locale = LocaleContextHolder.getLocale();
        if (ids == null || ids.isEmpty()) {
            redirect.addFlashAttribute("flash", messages.getMessage("lead.pool.noneSelected", null, locale));
        } else if (ownerId == null) {
            redirect.addFlashAttribute("flash", messages.getMessage("field.owner", null, locale) + ": "
                    + messages.getMessage("error.required", null, locale));
        } else {
            try {
                List<LeadPools.Outcome> results = leadPools.assign(users.current(), id, ids, ownerId);
                long done = results.stream().filter(r -> r.result().equals("assigned")).count();
                redirect.addFlashAttribute("flash", messages.getMessage("pool.assignResults", new Object[] {done, results.size()}, locale));
            } catch (InvalidInputException e) {
                redirect.addFlashAttribute("flash", messages.getMessage("field.owner", null, locale) + ": "
                        + messages.getMessage("error.owner.invalid", null, locale));
            }
        }
        return "redirect:/pools?pool=" + id;
    }

    @PostMapping("/leads/{id}/claim")
    String claimOne(@PathVariable long id, RedirectAttributes redirect) {
        CurrentUser me = users.current();
        LeadDetails lead = leads.visible(me, id);
        if (lead.inPool() && lead.poolId() != null) {
            try {
                String result = leadPools.claim(me, lead.poolId(), List.of(id)).get(0).result();
                redirect.addFlashAttribute("flash", messages.getMessage("pool.result." + result, null, LocaleContextHolder.getLocale()));
            } catch (PoolCapReachedException e) {
                redirect.addFlashAttribute("flash", capMessage(e));
            }
        }
        return "redirect:/leads/" + id;
    }

    @PostMapping("/leads/{id}/release")
    String release(@PathVariable long id, @RequestParam(required = false) Long poolId, @RequestParam(required = false) String reason,
                   @RequestParam long version, RedirectAttributes redirect) {
        var locale = LocaleContextHolder.getLocale();
        try {
            leadPools.release(users.current(), id, poolId, reason, version);
            redirect.addFlashAttribute("flash", messages.getMessage("lead.pool.released", null, locale));
        } catch (InvalidInputException e) {
            var err = e.errors().get(0);
            redirect.addFlashAttribute("flash", messages.getMessage("field." + err.field(), null, err.field(), locale) + " "
                    + messages.getMessage(err.messageKey(), err.args().toArray(), locale));
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("flash", messages.getMessage("problem.stale", null, locale));
        }
        return "redirect:/leads/" + id;
    }

    /**
     * The lead list's bulk "release to pool": one pool (blank = each lead's own pool) and one reason
     * for the selected leads; the flash says how many went back and lists each lead with its result.
     */
    @PostMapping("/leads/bulk/release")
    String releaseAll(@RequestParam(required = false) List<Long> ids, @RequestParam(required = false) Long poolId,
                      @RequestParam(required = false) String reason, @RequestParam(defaultValue = "") String back,
                      RedirectAttributes redirect) {
        var locale = LocaleContextHolder.getLocale();
        CurrentUser me = users.current();
        try {
            if (ids == null || ids.isEmpty()) {
                throw new InvalidInputException("ids", "error.bulk.none");
            }
            List<LeadPools.Outcome> results = leadPools.releaseAll(me, ids, poolId, reason);
            Map<Long, String> names = leadPools.names(me, results.stream().map(LeadPools.Outcome::leadId).toList());
            long done = results.stream().filter(r -> r.result().equals("released")).count();
            redirect.addFlashAttribute("flash", messages.getMessage("lead.pool.releasedCount", new Object[] {done, results.size()}, locale));
            // flash attributes live in the shared session store: plain strings, translated here
            redirect.addFlashAttribute("results", new ArrayList<>(results.stream()
                    .map(r -> "#" + r.leadId() + (names.containsKey(r.leadId()) ? " " + names.get(r.leadId()) : "") + ": "
                            + messages.getMessage("pool.result." + r.result(), null, locale))
                    .toList()));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flash", e.errors().stream()
                    .map(f -> messages.getMessage("field." + f.field(), null, f.field(), locale) + ": "
                            + messages.getMessage(f.messageKey(), f.args().toArray(), locale))
                    .collect(Collectors.joining("; ")));
        }
        return "redirect:/leads" + (back.isEmpty() ? "" : "?" + back);
    }

    private String capMessage(PoolCapReachedException e) {
        return messages.getMessage("lead.pool.error.cap", new Object[] {e.cap(), e.poolName()}, LocaleContextHolder.getLocale());
    }
}
