package dev.rapport.customers.web;

import dev.rapport.customers.ContactDetails;
import dev.rapport.customers.ContactManagement;
import dev.rapport.customers.CustomerManagement;
import dev.rapport.customers.query.ContactQuery;
import dev.rapport.identity.CurrentUser;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.StaleVersionException;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Contact list, form and page. */
@Controller
class ContactPagesController {

    private final ContactManagement contacts;
    private final CustomerManagement customers;
    private final ContactQuery query;
    private final PageSupport page;

    ContactPagesController(ContactManagement contacts, CustomerManagement customers, ContactQuery query, PageSupport page) {
        this.contacts = contacts;
        this.customers = customers;
        this.query = query;
        this.page = page;
    }

    @GetMapping("/contacts")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String cursor, HtmxRequest htmx, Model model) {
        CurrentUser me = page.me();
        me.require("contact", "view");
        var result = query.list(q, null, null, Map.of(), page.users().scopeOf(me), cursor, 50);
        model.addAttribute("rows", result.items());
        model.addAttribute("q", q);
        model.addAttribute("nextUrl", result.next() == null ? null
                : "/contacts?cursor=" + result.next() + (q == null ? "" : "&q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)));
        if (htmx.isHtmxRequest() && cursor != null) {
            return "customers/contacts :: rows";
        }
        return "customers/contacts";
    }

    @GetMapping("/contacts/new")
    String newForm(@RequestParam(required = false) Long customerId, Model model) {
        CurrentUser me = page.me();
        me.require("contact", "create");
        ContactForm form = new ContactForm();
        form.setCustomerId(customerId);
        if (customerId != null) {
            form.setOwnerId(customers.ref(me, customerId).ownerId());
        } else {
            form.setOwnerId(me.id());
        }
        return form(model, form, null);
    }

    @PostMapping("/contacts")
    String create(@ModelAttribute("form") ContactForm form, Model model, RedirectAttributes redirect) {
        try {
            ContactDetails k = contacts.create(page.me(), form.toInput());
            redirect.addFlashAttribute("flash", page.msg("contact.created"));
            return k.customerId() != null ? "redirect:/customers/" + k.customerId() : "redirect:/contacts/" + k.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return form(model, form, null);
        }
    }

    @GetMapping("/contacts/{id}")
    String show(@PathVariable long id, Model model) {
        CurrentUser me = page.me();
        model.addAttribute("k", contacts.details(me, id));
        model.addAttribute("customFields", customers.customFields("contact"));
        model.addAttribute("me", me);
        return "customers/contact";
    }

    @GetMapping("/contacts/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        CurrentUser me = page.me();
        me.require("contact", "edit");
        return form(model, ContactForm.of(contacts.inputOf(me, id), contacts.details(me, id).version()), id);
    }

    @PostMapping("/contacts/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") ContactForm form, Model model, RedirectAttributes redirect) {
        try {
            contacts.update(page.me(), id, form.getVersion() == null ? -1 : form.getVersion(), form.toInput());
            redirect.addFlashAttribute("flash", page.msg("contact.saved"));
            return "redirect:/contacts/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return form(model, form, id);
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
            return form(model, form, id);
        }
    }

    @PostMapping("/contacts/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        CurrentUser me = page.me();
        Long customerId = contacts.details(me, id).customerId();
        contacts.delete(me, id);
        redirect.addFlashAttribute("flash", page.msg("contact.deleted"));
        return customerId == null ? "redirect:/contacts" : "redirect:/customers/" + customerId;
    }

    private String form(Model model, ContactForm form, Long id) {
        CurrentUser me = page.me();
        model.addAttribute("form", form);
        model.addAttribute("contactId", id);
        model.addAttribute("customerName", form.getCustomerId() == null ? null : customers.ref(me, form.getCustomerId()).name());
        model.addAttribute("owners", page.users().assignableOwners(me));
        model.addAttribute("customFields", customers.customFields("contact"));
        return "customers/contact-form";
    }
}
