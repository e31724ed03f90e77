package dev.rapport.customers.web;

import dev.rapport.customers.Pool;
import dev.rapport.customers.PoolInput;
import dev.rapport.customers.Pools;
import dev.rapport.identity.CurrentUser;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.StaleVersionException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's page for the public pools and their recapture rules ({@code pool:manage}). */
@Controller
class PoolAdminPagesController {

    private final Pools pools;
    private final PageSupport page;

    PoolAdminPagesController(Pools pools, PageSupport page) {
        this.pools = pools;
        this.page = page;
    }

    @GetMapping("/admin/pools")
    String list(@RequestParam(required = false) Long edit, Model model) {
        CurrentUser me = page.me();
        me.require(Pools.MANAGE);
        List<Pool> all = pools.visible(me);
        model.addAttribute("pools", all);
        model.addAttribute("editing", edit == null ? null : pools.visible(me, edit));
        model.addAttribute("departments", page.users().departmentChoices());
        return "pools/admin";
    }

    @PostMapping("/admin/pools")
    String save(@RequestParam(required = false) Long id, @RequestParam(required = false) Long version,
                @RequestParam String name, @RequestParam(required = false) String description,
                @RequestParam(required = false) Integer claimCap, @RequestParam(required = false) Integer followUpDays,
                @RequestParam(required = false) Integer purchaseDays, @RequestParam(required = false) Integer warningDays,
                @RequestParam(defaultValue = "false") boolean defaultPool, @RequestParam(defaultValue = "false") boolean enabled,
                @RequestParam(required = false) List<Long> departmentIds, RedirectAttributes redirect) {
        CurrentUser me = page.me();
        PoolInput input = new PoolInput(name, description, claimCap, followUpDays, purchaseDays, warningDays, defaultPool, enabled,
                departmentIds == null ? List.of() : departmentIds);
        try {
            if (id == null) {
                pools.create(me, input);
            } else {
                pools.update(me, id, version == null ? -1 : version, input);
            }
            redirect.addFlashAttribute("flash", page.msg("pool.saved"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flash", page.errorText(e));
            return id == null ? "redirect:/admin/pools" : "redirect:/admin/pools?edit=" + id;
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("flash", page.msg("problem.stale"));
            return "redirect:/admin/pools?edit=" + id;
        }
        return "redirect:/admin/pools";
    }
}
