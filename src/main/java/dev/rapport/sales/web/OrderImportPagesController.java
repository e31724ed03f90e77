package dev.rapport.sales.web;

import dev.rapport.customers.CustomerLookup;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.sales.importing.OrderImportManagement;
import dev.rapport.sales.importing.OrderImportView;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The order history import, in the steps of the customer import: upload a file → preview with the
 * column mapping guessed from the headers (each column's field can be changed, and the customer
 * match key) → start → progress (polled with htmx until done) with the rejected and skipped rows
 * and their report as CSV.
 */
@Controller
class OrderImportPagesController {

    private static final int SHOWN_ERRORS = 20;

    private final OrderImportManagement imports;
    private final UserManagement users;

    OrderImportPagesController(OrderImportManagement imports, UserManagement users) {
        this.imports = imports;
        this.users = users;
    }

    @GetMapping("/order-imports")
    String page(Model model) {
        CurrentUser me = users.current();
        model.addAttribute("imports", imports.recent(me));
        model.addAttribute("keys", CustomerLookup.Key.values());
        return "sales/order-imports";
    }

    @PostMapping("/order-imports")
    String upload(@RequestParam(value = "file", required = false) MultipartFile file, Model model) throws IOException {
        CurrentUser me = users.current();
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "error.required");
            }
            var preview = imports.upload(me, file.getOriginalFilename(), file.getInputStream());
            return "redirect:/order-imports/" + preview.job().id() + "/preview";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return page(model);
        }
    }

    @GetMapping("/order-imports/{id}/preview")
    String preview(@PathVariable long id, Model model) {
        OrderImportManagement.Preview preview = imports.preview(users.current(), id);
        if (!"uploaded".equals(preview.job().status())) {
            return "redirect:/order-imports/" + id;
        }
        model.addAttribute("preview", preview);
        model.addAttribute("chosen", preview.columnFields());
        model.addAttribute("matchOn", preview.job().matchOn());
        model.addAttribute("keys", CustomerLookup.Key.values());
        return "sales/order-import-preview";
    }

    /** Starts with the mapping as chosen: {@code col.<index>} = the field that column fills (blank = ignored). */
    @PostMapping("/order-imports/{id}/start")
    String start(@PathVariable long id, @RequestParam(required = false) String matchOn, @RequestParam Map<String, String> params,
                 Model model) {
        CurrentUser me = users.current();
        OrderImportManagement.Preview preview = imports.preview(me, id);
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < preview.headers().size(); i++) {
            String f = params.get("col." + i);
            chosen.add(f == null || f.isBlank() ? null : f);
        }
        try {
            imports.start(me, id, matchOn, changes(preview, chosen));
            return "redirect:/order-imports/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("preview", preview);
            model.addAttribute("chosen", chosen);
            model.addAttribute("matchOn", matchOn);
            model.addAttribute("keys", CustomerLookup.Key.values());
            return "sales/order-import-preview";
        }
    }

    @GetMapping("/order-imports/{id}")
    String show(@PathVariable long id, HtmxRequest htmx, Model model) {
        CurrentUser me = users.current();
        OrderImportView job = imports.get(me, id);
        model.addAttribute("job", job);
        model.addAttribute("problems", imports.errors(me, id, 0, SHOWN_ERRORS));
        return htmx.isHtmxRequest() ? "sales/order-import :: progress" : "sales/order-import";
    }

    /** Column choices as mapping changes (field → header, blank = unmapped); a field chosen for two columns is refused. */
    private static Map<String, String> changes(OrderImportManagement.Preview preview, List<String> chosen) {
        var errors = new InvalidInputException.Collector();
        Map<String, String> out = new LinkedHashMap<>();
        preview.fields().forEach(f -> out.put(f, ""));
        for (int i = 0; i < chosen.size(); i++) {
            String f = chosen.get(i);
            if (f == null) {
                continue;
            }
            if (!preview.fields().contains(f)) {
                errors.reject("mapping", "error.orderImport.field", f);
            } else if (!out.get(f).isEmpty()) {
                errors.reject("mapping", "error.orderImport.twice", OrderImportManagement.fieldName(f));
            } else {
                out.put(f, preview.headers().get(i));
            }
        }
        errors.throwIfAny();
        return out;
    }
}
