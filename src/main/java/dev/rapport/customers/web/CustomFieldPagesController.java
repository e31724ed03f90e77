package dev.rapport.customers.web;

import dev.rapport.customers.CustomerViews;
import dev.rapport.platform.InvalidInputException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin page for custom fields of customers and contacts. */
@Controller
class CustomFieldPagesController {

    private final CustomerViews views;
    private final PageSupport page;

    CustomFieldPagesController(CustomerViews views, PageSupport page) {
        this.views = views;
        this.page = page;
    }

    @GetMapping("/admin/fields")
    String fields(Model model) {
        page.me().require("field:manage");
        model.addAttribute("fields", views.fields());
        return "customers/fields";
    }

    @PostMapping("/admin/fields")
    String addField(@RequestParam String entityType, @RequestParam String key, @RequestParam String label,
                    @RequestParam String fieldType, @RequestParam(defaultValue = "") String options,
                    Model model, RedirectAttributes redirect) {
        try {
            views.addField(page.me(), entityType, key, label, fieldType, List.of(options.split("[,\\n]")));
            redirect.addFlashAttribute("flash", page.msg("fields.added"));
            return "redirect:/admin/fields";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return fields(model);
        }
    }

    @PostMapping("/admin/fields/{id}/delete")
    String deleteField(@PathVariable long id) {
        views.deleteField(page.me(), id);
        return "redirect:/admin/fields";
    }
}
