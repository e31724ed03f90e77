package dev.rapport.customers.web;

import dev.rapport.customers.CustomerFilter;
import dev.rapport.customers.CustomerManagement;
import dev.rapport.customers.Pool;
import dev.rapport.customers.PoolCapReachedException;
import dev.rapport.customers.PoolMoves;
import dev.rapport.customers.Pools;
import dev.rapport.customers.domain.StoredCustomer;
import dev.rapport.customers.query.CustomerQuery;
import dev.rapport.customers.query.PoolQuery;
import dev.rapport.identity.CurrentUser;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import dev.rapport.platform.StaleVersionException;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public pool pages: the pools and their customers, claim and release, and the owner's customers due back. */
@Controller
class PoolPagesController {

    private final Pools pools;
    private final PoolMoves moves;
    private final PoolQuery query;
    private final CustomerManagement customers;
    private final PageSupport page;

    PoolPagesController(Pools pools, PoolMoves moves, PoolQuery query, CustomerManagement customers, PageSupport page) {
        this.pools = pools;
        this.moves = moves;
        this.query = query;
        this.customers = customers;
        this.page = page;
    }

    @GetMapping("/pools")
    String list(@RequestParam(required = false) Long pool, @RequestParam(required = false) String q,
                @RequestParam(required = false) String status, @RequestParam(required = false) String cursor,
                HtmxRequest htmx, Model model) {
        CurrentUser me = page.me();
        me.require("customer", "view");
        List<Pool> visible = pools.visible(me);
        model.addAttribute("pools", visible);
        Pool selected = pool != null ? pools.visible(me, pool) : visible.stream().filter(Pool::enabled).findFirst().orElse(null);
        model.addAttribute("selected", selected);
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        if (selected != null) {
            Map<String, String> params = new LinkedHashMap<>();
            if (q != null && !q.isBlank()) {
                params.put("q", q);
            }
            if (status != null && !status.isBlank()) {
                params.put("status", status);
            }
            CustomerFilter filter = CustomerFilter.from(params);
            var result = query.list(selected.id(), filter, cursor, 50);
            model.addAttribute("rows", result.items());
            StringBuilder next = new StringBuilder("/pools?pool=" + selected.id());
            params.forEach((k, v) -> next.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            model.addAttribute("nextUrl", result.next() == null ? null : next + "&cursor=" + result.next());
            if (htmx.isHtmxRequest() && cursor != null) {
                return "pools/list :: rows";
            }
            long n = query.count(selected.id(), filter);
            model.addAttribute("count", Math.min(n, CustomerQuery.COUNT_CAP));
            model.addAttribute("capped", n > CustomerQuery.COUNT_CAP);
        }
        model.addAttribute("statuses", dev.rapport.customers.CustomerStatus.values());
        boolean canAssign = me.can("customer", "edit") && me.scope() != dev.rapport.identity.DataScope.OWN;
        model.addAttribute("canAssign", canAssign);
        model.addAttribute("assignees", canAssign ? page.users().assignableOwners(me) : List.of());
        return "pools/list";
    }

    @PostMapping("/pools/{id}/claim")
    String claim(@PathVariable long id, @RequestParam(required = false) List<Long> ids, RedirectAttributes redirect) {
        CurrentUser me = page.me();
        try {
            if (ids == null || ids.isEmpty()) {
                throw new InvalidInputException("ids", "error.bulk.none");
            }
            List<PoolMoves.Outcome> results = moves.claim(me, id, ids);
            long won = results.stream().filter(r -> r.result().equals("claimed")).count();
            redirect.addFlashAttribute("flash", page.msg("pool.results", won, results.size()));
            // flash attributes live in the shared session store: plain strings, translated here
            redirect.addFlashAttribute("results", new java.util.ArrayList<>(results.stream()
                    .map(r -> "#" + r.customerId() + ": " + page.msg("pool.result." + r.result())).toList()));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flash", page.errorText(e));
        } catch (PoolCapReachedException e) {
            redirect.addFlashAttribute("flash", page.msg("pool.error.cap", e.cap(), e.poolName()));
        }
        return "redirect:/pools?pool=" + id;
    }

    /** A manager gives the selected pool customers to one of the people in their scope (分配). */
    @PostMapping("/pools/{id}/assign")
    String assign(@PathVariable long id, @RequestParam(required = false) List<Long> ids,
                  @RequestParam(required = false) Long ownerId, RedirectAttributes redirect) {
        CurrentUser me = page.me();
        try {
            if (ids == null || ids.isEmpty()) {
                throw new InvalidInputException("ids", "error.bulk.none");
            }
            if (ownerId == null) {
                throw new InvalidInputException("ownerId", "error.required");
            }
            List<PoolMoves.Outcome> results = moves.assign(me, id, ids, ownerId);
            long done = results.stream().filter(r -> r.result().equals("assigned")).count();
            redirect.addFlashAttribute("flash", page.msg("pool.assignResults", done, results.size()));
            redirect.addFlashAttribute("results", new java.util.ArrayList<>(results.stream()
                    .map(r -> "#" + r.customerId() + ": " + page.msg("pool.result." + r.result())).toList()));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flash", page.errorText(e));
        }
        return "redirect:/pools?pool=" + id;
    }

    /** The pool panel of the customer page: claim when it waits in a pool, release when the user may. */
    @GetMapping("/customers/{id}/pool")
    String panel(@PathVariable long id, Model model) {
        CurrentUser me = page.me();
        StoredCustomer c = customers.visible(me, id);
        model.addAttribute("c", c);
        model.addAttribute("pool", c.poolId() == null ? null : pools.all().stream().filter(p -> p.id() == c.poolId()).findFirst().orElse(null));
        model.addAttribute("pools", pools.visible(me).stream().filter(Pool::enabled).toList());
        model.addAttribute("canRelease", c.ownerId() != null && me.can("customer", "edit") && page.users().scopeOf(me).includes(c.ownerId()));
        model.addAttribute("canClaim", c.ownerId() == null && me.can("customer", "edit"));
        return "pools/panel :: panel";
    }

    @PostMapping("/customers/{id}/claim")
    String claimOne(@PathVariable long id, RedirectAttributes redirect) {
        CurrentUser me = page.me();
        StoredCustomer c = customers.visible(me, id);
        if (c.poolId() == null) {
            throw new NotFoundException("customer", id);
        }
        try {
            String result = moves.claim(me, c.poolId(), List.of(id)).get(0).result();
            redirect.addFlashAttribute("flash", page.msg(result.equals("claimed") ? "pool.claimed" : "pool.result." + result));
        } catch (PoolCapReachedException e) {
            redirect.addFlashAttribute("flash", page.msg("pool.error.cap", e.cap(), e.poolName()));
            return "redirect:/customers/" + id;
        }
        return "redirect:/customers/" + id;
    }

    @PostMapping("/customers/{id}/release")
    String release(@PathVariable long id, @RequestParam(required = false) Long poolId, @RequestParam(required = false) String reason,
                   @RequestParam long version, RedirectAttributes redirect) {
        CurrentUser me = page.me();
        try {
            moves.release(me, id, poolId, reason, version);
            redirect.addFlashAttribute("flash", page.msg("pool.released"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flash", page.errorText(e));
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("flash", page.msg("problem.stale"));
        }
        return "redirect:/customers/" + id;
    }

    /**
     * The customer list's bulk "release to pool": one pool (blank = each customer's own pool, else its
     * owner's default) and one reason for the selected customers; the flash says how many went back
     * and lists each one that did not, with its name where the user may see it and the reason.
     */
    @PostMapping("/pools/release")
    String releaseAll(@RequestParam(required = false) List<Long> ids, @RequestParam(required = false) Long poolId,
                      @RequestParam(required = false) String reason, @RequestParam(defaultValue = "") String back,
                      RedirectAttributes redirect) {
        CurrentUser me = page.me();
        try {
            if (ids == null || ids.isEmpty()) {
                throw new InvalidInputException("ids", "error.bulk.none");
            }
            List<PoolMoves.Outcome> results = moves.releaseAll(me, ids, poolId, reason);
            List<PoolMoves.Outcome> refused = results.stream().filter(r -> !r.result().equals("released")).toList();
            Map<Long, String> names = refused.isEmpty() ? Map.of() : moves.names(me, refused.stream().map(PoolMoves.Outcome::customerId).toList());
            redirect.addFlashAttribute("flash", page.msg("pool.releasedCount", results.size() - refused.size(), results.size()));
            // flash attributes live in the shared session store: plain strings, translated here
            redirect.addFlashAttribute("results", new java.util.ArrayList<>(refused.stream()
                    .map(r -> "#" + r.customerId() + (names.containsKey(r.customerId()) ? " " + names.get(r.customerId()) : "") + ": "
                            + page.msg("pool.result." + r.result()))
                    .toList()));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flash", page.errorText(e));
        }
        return "redirect:/customers" + (back.isEmpty() ? "" : "?" + back);
    }

    /** The signed-in owner's customers that the follow-up rules will take back soon: where the warning links. */
    @GetMapping("/pools/due")
    String due(Model model) {
        CurrentUser me = page.me();
        me.require("customer", "view");
        Map<Long, int[]> rules = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        for (Pool p : pools.all()) {
            names.put(p.id(), p.name());
            if (p.enabled() && p.followUpDays() != null) {
                rules.put(p.id(), new int[] {p.followUpDays(), p.warningDays()});
            }
        }
        model.addAttribute("rows", query.dueSoon(me.id(), rules, page.audit().now(), 200));
        model.addAttribute("poolNames", names);
        return "pools/due";
    }
}
