package dev.rapport.sales.web;

import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.identity.UserSummary;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.sales.AssignmentRule;
import dev.rapport.sales.AssignmentRuleInput;
import dev.rapport.sales.AssignmentRules;
import dev.rapport.sales.WebForm;
import dev.rapport.sales.WebFormInput;
import dev.rapport.sales.WebFormManagement;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Admin pages of lead routing: assignment rules (分配规则) and public web forms. */
@Controller
class LeadRoutingPagesController {

    private final AssignmentRules rules;
    private final WebFormManagement forms;
    private final UserManagement users;

    LeadRoutingPagesController(AssignmentRules rules, WebFormManagement forms, UserManagement users) {
        this.rules = rules;
        this.forms = forms;
        this.users = users;
    }

    @GetMapping("/admin/assignment-rules")
    String rules(Model model) {
        CurrentUser me = users.current();
        List<AssignmentRule> all = rules.list(me);
        model.addAttribute("rules", all);
        List<UserSummary> people = users.all().stream().filter(UserSummary::active).toList();
        model.addAttribute("people", people);
        model.addAttribute("names", users.all().stream().collect(Collectors.toMap(UserSummary::id, UserSummary::name, (a, b) -> a)));
        model.addAttribute("strategies", AssignmentRule.STRATEGIES);
        model.addAttribute("appliesTo", AssignmentRule.APPLIES_TO);
        return "sales/assignment-rules";
    }

    @PostMapping("/admin/assignment-rules")
    String createRule(@RequestParam String name, @RequestParam(required = false) Integer position,
                      @RequestParam(required = false) String matchProvince, @RequestParam(required = false) String matchCity,
                      @RequestParam(required = false) String matchIndustry, @RequestParam(required = false) String matchSource,
                      @RequestParam String strategy, @RequestParam(required = false) List<Long> userIds,
                      @RequestParam(required = false) String appliesTo, Model model) {
        CurrentUser me = users.current();
        try {
            rules.create(me, new AssignmentRuleInput(name, position, true, matchProvince, matchCity, matchIndustry, matchSource,
                    strategy, userIds == null ? List.of() : userIds, appliesTo));
            return "redirect:/admin/assignment-rules";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return rules(model);
        }
    }

    @PostMapping("/admin/assignment-rules/{id}/toggle")
    String toggleRule(@PathVariable long id) {
        CurrentUser me = users.current();
        AssignmentRule r = rules.get(me, id);
        rules.update(me, id, r.version(), new AssignmentRuleInput(r.name(), r.position(), !r.active(), r.matchProvince(),
                r.matchCity(), r.matchIndustry(), r.matchSource(), r.strategy(), r.userIds(), r.appliesTo()));
        return "redirect:/admin/assignment-rules";
    }

    @PostMapping("/admin/assignment-rules/{id}/delete")
    String deleteRule(@PathVariable long id) {
        rules.delete(users.current(), id);
        return "redirect:/admin/assignment-rules";
    }

    @GetMapping("/admin/web-forms")
    String forms(Model model) {
        CurrentUser me = users.current();
        model.addAttribute("forms", forms.list(me));
        model.addAttribute("people", users.all().stream().filter(UserSummary::active).toList());
        model.addAttribute("fields", WebForm.FIELDS.subList(1, WebForm.FIELDS.size()));
        model.addAttribute("base", ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
        return "sales/web-forms";
    }

    @PostMapping("/admin/web-forms")
    String createForm(@RequestParam String key, @RequestParam String title, @RequestParam(required = false) List<String> fields,
                      @RequestParam(required = false) String thankYou, @RequestParam(required = false) String defaultSource,
                      @RequestParam(required = false) Long ownerId, @RequestParam(defaultValue = "false") boolean acceptExternal,
                      Model model) {
        try {
            forms.create(users.current(), new WebFormInput(key, title, fields == null ? List.of() : fields, thankYou, defaultSource,
                    ownerId, true, !acceptExternal));
            return "redirect:/admin/web-forms";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return forms(model);
        }
    }

    @PostMapping("/admin/web-forms/{id}/delete")
    String deleteForm(@PathVariable long id) {
        forms.delete(users.current(), id);
        return "redirect:/admin/web-forms";
    }
}
