package dev.rapport.sales.web;

import dev.rapport.customers.CustomerLookup;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.sales.importing.OrderImportManagement;
import java.io.IOException;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The order history import page: upload a file with the match key, it starts at once with the
 * guessed mapping (the API offers preview and mapping changes); recent imports with progress and
 * their reports.
 */
@Controller
class OrderImportPagesController {

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
    String upload(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String matchOn, Model model) throws IOException {
        CurrentUser me = users.current();
        try {
            var preview = imports.upload(me, file.getOriginalFilename(), file.getInputStream());
            imports.start(me, preview.job().id(), matchOn, Map.of());
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return page(model);
        }
        return "redirect:/order-imports";
    }
}
