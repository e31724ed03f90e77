package dev.rapport.sales.web;

import dev.rapport.customers.Pool;
import dev.rapport.customers.Pools;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.LeadDetails;
import dev.rapport.sales.LeadFilter;
import dev.rapport.sales.LeadManagement;
import dev.rapport.sales.LeadRow;
import dev.rapport.sales.LeadStatus;
import dev.rapport.sales.domain.LeadValidator;
import dev.rapport.sales.query.LeadQuery;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The lead list, the lead page, and the create and edit forms. */
@Controller
class LeadPagesController {

    private final LeadManagement leads;
    private final LeadQuery query;
    private final UserManagement users;
    private final MessageSource messages;
    private final Pools pools;

    LeadPagesController(LeadManagement leads, LeadQuery query, UserManagement users, MessageSource messages, Pools pools) {
        this.pools = pools;
        this.leads = leads;
        this.query = query;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/leads")
    String list(@RequestParam Map<String, String> params, @RequestParam(required = false) String cursor, Model model) {
        CurrentUser me = users.current();
        me.require("lead", "view");
        LeadFilter filter;
        try {
            filter = LeadFilter.from(params);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            filter = LeadFilter.from(Map.of());
        }
        CursorPage<LeadRow> page = query.list(filter, users.scopeOf(me), cursor, 50);
        model.addAttribute("rows", leads.named(page.items()));
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", LeadStatus.values());
        model.addAttribute("owners", users.assignableOwners(me));
        // the bulk "release to pool" needs somewhere to release to
        model.addAttribute("releasePools", me.can("lead", "edit") ? pools.visible(me).stream().filter(Pool::enabled).toList() : List.of());
        String qs = queryString(filter.params());
        model.addAttribute("queryString", qs);
        model.addAttribute("nextLink", page.next() == null ? null : "/leads?" + (qs.isEmpty() ? "" : qs + "&") + "cursor=" + page.next());
        long n = query.count(filter, users.scopeOf(me));
        model.addAttribute("count", n > LeadQuery.COUNT_CAP ? LeadQuery.COUNT_CAP + "+" : String.valueOf(n));
        return "sales/leads";
    }

    @PostMapping("/leads/bulk")
    String bulk(@RequestParam String action, @RequestParam(required = false) List<Long> ids, @RequestParam(required = false) Long ownerId,
                @RequestParam(required = false) String status, @RequestParam(defaultValue = "") String back,
                RedirectAttributes redirect) {
        CurrentUser me = users.current();
        try {
            LeadManagement.BulkResult r = switch (action) {
                case "owner" -> leads.changeOwner(me, ids, ownerId == null ? -1 : ownerId);
                case "status" -> {
                    LeadStatus s = LeadStatus.parse(status);
                    if (s == null) {
                        throw new InvalidInputException("status", "error.lead.status");
                    }
                    yield leads.changeStatus(me, ids, s);
                }
                default -> throw new InvalidInputException("action", "error.bulk.action");
            };
            redirect.addFlashAttribute("flash", msg("lead.bulk.done", r.done().size(), r.notFound().size()));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flash", errorText(e));
        }
        return "redirect:/leads" + (back.isEmpty() ? "" : "?" + back);
    }

    @GetMapping("/leads/new")
    String newForm(Model model) {
        CurrentUser me = users.current();
        me.require("lead", "create");
        return form(me, LeadForm.empty(me.id()), null, model);
    }

    @PostMapping("/leads")
    String create(@ModelAttribute("form") LeadForm form, Model model, RedirectAttributes redirect) {
        CurrentUser me = users.current();
        try {
            LeadDetails created = leads.create(me, form.toInput());
            List<LeadRow> dups = leads.possibleDuplicates(me, created);
            if (!dups.isEmpty()) {
                redirect.addFlashAttribute("duplicates", dups);
            }
            return "redirect:/leads/" + created.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return form(me, form, null, model);
        }
    }

    @GetMapping("/leads/{id}")
    String show(@PathVariable long id, Model model) {
        CurrentUser me = users.current();
        LeadDetails lead = leads.details(me, id);
        model.addAttribute("lead", lead);
        model.addAttribute("me", me);
        List<Pool> visiblePools = pools.visible(me).stream().filter(Pool::enabled).toList();
        model.addAttribute("leadPool", lead.poolId() == null ? null
                : pools.all().stream().filter(p -> p.id() == lead.poolId()).findFirst().orElse(null));
        model.addAttribute("releasePools", visiblePools);
        model.addAttribute("canRelease", !lead.inPool() && !lead.converted() && !visiblePools.isEmpty() && me.can("lead", "edit")
                && users.scopeOf(me).includes(lead.ownerId()));
        return "sales/lead";
    }

    @GetMapping("/leads/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        CurrentUser me = users.current();
        return form(me, LeadForm.of(leads.details(me, id)), id, model);
    }

    @PostMapping("/leads/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") LeadForm form, Model model) {
        CurrentUser me = users.current();
        try {
            leads.update(me, id, form.version() == null ? -1 : form.version(), form.toInput());
            return "redirect:/leads/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
        }
        return form(me, form, id, model);
    }

    @PostMapping("/leads/{id}/status")
    String status(@PathVariable long id, @RequestParam String status, @RequestParam long version,
                  @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            LeadStatus s = LeadStatus.parse(status);
            if (s == null) {
                throw new InvalidInputException("status", "error.lead.status");
            }
            leads.changeStatus(users.current(), id, version, s, reason);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flash", errorText(e));
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("flash", msg("problem.stale"));
        }
        return "redirect:/leads/" + id;
    }

    @PostMapping("/leads/{id}/delete")
    String delete(@PathVariable long id) {
        leads.delete(users.current(), id);
        return "redirect:/leads";
    }

    private String form(CurrentUser me, LeadForm form, Long id, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("leadId", id);
        model.addAttribute("owners", users.assignableOwners(me));
        model.addAttribute("ratings", LeadValidator.RATINGS);
        return "sales/lead-form";
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private String errorText(InvalidInputException e) {
        return e.errors().stream().map(f -> msg("field." + f.field()) + ": " + msg(f.messageKey(), f.args().toArray()))
                .collect(Collectors.joining("; "));
    }

    private static String queryString(Map<String, String> params) {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        params.forEach(b::queryParam);
        String q = b.encode().build().getQuery();
        return q == null ? "" : q;
    }
}
