package dev.rapport.customers.web;

import dev.rapport.customers.CustomerDetails;
import dev.rapport.customers.CustomerManagement;
import dev.rapport.customers.CustomerMerging;
import dev.rapport.customers.query.CustomerSearch;
import dev.rapport.identity.CurrentUser;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.StaleVersionException;
import java.util.ArrayList;
import java.util.HashMap;
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

/** The search page, the duplicates page and the merge page. */
@Controller
class DuplicatePagesController {

    private final CustomerManagement customers;
    private final CustomerMerging merging;
    private final CustomerSearch search;
    private final PageSupport page;

    DuplicatePagesController(CustomerManagement customers, CustomerMerging merging, CustomerSearch search,
                             PageSupport page) {
        this.customers = customers;
        this.merging = merging;
        this.search = search;
        this.page = page;
    }

    @GetMapping("/search")
    String search(@RequestParam(defaultValue = "") String q, Model model) {
        CurrentUser me = page.me();
        model.addAttribute("q", q);
        if (!q.isBlank()) {
            CustomerSearch.Result found = search.search(me, page.users().scopeOf(me), q, 20);
            model.addAttribute("customers", found.customers());
            model.addAttribute("contacts", found.contacts());
        }
        return "customers/search";
    }

    @GetMapping("/duplicates")
    String duplicates(@RequestParam(defaultValue = "phone") String kind, @RequestParam(required = false) String after, Model model) {
        CurrentUser me = page.me();
        try {
            var groups = merging.groups(me, kind, after, 20);
            model.addAttribute("groups", groups.items());
            model.addAttribute("next", groups.next());
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("groups", List.of());
        }
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", List.of("phone", "email", "creditCode", "name"));
        return "customers/duplicates";
    }

    @GetMapping("/customers/merge")
    String mergeForm(@RequestParam List<Long> ids, Model model, RedirectAttributes redirect) {
        CurrentUser me = page.me();
        me.require("customer", "merge");
        if (ids.size() < 2) {
            redirect.addFlashAttribute("flash", page.msg("error.merge.tooFew"));
            return "redirect:/duplicates";
        }
        List<CustomerDetails> records = new ArrayList<>();
        for (Long id : ids) {
            records.add(customers.details(me, id));
        }
        model.addAttribute("records", records);
        model.addAttribute("fields", CustomerMerging.MERGE_FIELDS);
        return "customers/merge";
    }

    @PostMapping("/customers/merge")
    String merge(@RequestParam long survivorId, @RequestParam List<Long> ids, @RequestParam Map<String, String> params,
                 RedirectAttributes redirect) {
        CurrentUser me = page.me();
        Map<String, Long> choices = new LinkedHashMap<>();
        Map<Long, Long> versions = new HashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("choice.") && !v.isBlank()) {
                choices.put(k.substring(7), Long.parseLong(v));
            }
            if (k.startsWith("version.")) {
                versions.put(Long.parseLong(k.substring(8)), Long.parseLong(v));
            }
        });
        try {
            CustomerDetails merged = merging.merge(me, survivorId, ids, choices, versions);
            redirect.addFlashAttribute("flash", page.msg("merge.done"));
            return "redirect:/customers/" + merged.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flash", page.errorText(e));
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("flash", page.msg("problem.stale"));
        }
        return "redirect:/customers/merge?" + String.join("&", ids.stream().map(i -> "ids=" + i).toList());
    }
}
