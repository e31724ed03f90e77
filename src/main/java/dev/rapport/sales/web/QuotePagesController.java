package dev.rapport.sales.web;

import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.QuoteManagement;
import dev.rapport.sales.QuoteSending;
import dev.rapport.sales.QuoteStatus;
import dev.rapport.sales.QuoteView;
import dev.rapport.sales.QuoteWorkflow;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Quote pages: the list, the quote with its editable line table (rows added by htmx), the workflow buttons, the PDF. */
@Controller
class QuotePagesController {

    private final QuoteManagement quotes;
    private final QuoteWorkflow workflow;
    private final QuoteSending sending;
    private final QuoteFormChoices choices;
    private final UserManagement users;

    QuotePagesController(QuoteManagement quotes, QuoteWorkflow workflow, QuoteSending sending, QuoteFormChoices choices,
                         UserManagement users) {
        this.quotes = quotes;
        this.workflow = workflow;
        this.sending = sending;
        this.choices = choices;
        this.users = users;
    }

    @GetMapping("/quotes")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String number,
                @RequestParam(required = false) String cursor, Model model) {
        CurrentUser me = users.current();
        var page = quotes.list(me, null, status, number, cursor, 50);
        model.addAttribute("quotes", page.items());
        model.addAttribute("next", page.next());
        model.addAttribute("status", status);
        model.addAttribute("number", number);
        model.addAttribute("statuses", QuoteStatus.values());
        return "sales/quotes";
    }

    /** The quotes section of the customer page (htmx). */
    @GetMapping("/customers/{id}/quotes")
    String ofCustomer(@PathVariable long id, Model model) {
        CurrentUser me = users.current();
        quotes.customerName(me, id);
        model.addAttribute("quotes", me.can("quote", "view") ? quotes.list(me, id, null, null, null, 20).items() : java.util.List.of());
        model.addAttribute("customerId", id);
        model.addAttribute("canCreate", me.can("quote", "create"));
        return "sales/customer-quotes :: quotes";
    }

    @GetMapping("/quotes/new")
    String newQuote(@RequestParam long customerId, Model model) {
        CurrentUser me = users.current();
        me.require("quote", "create");
        return form(me, QuoteForm.blank(customerId, choices.defaultBookId()), null, model);
    }

    @PostMapping("/quotes")
    String create(@RequestParam MultiValueMap<String, String> params, Model model) {
        CurrentUser me = users.current();
        QuoteForm form = QuoteForm.from(params);
        try {
            QuoteView q = quotes.create(me, form.toInput());
            return "redirect:/quotes/" + q.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return form(me, form, null, model);
        }
    }

    /** One empty row for the line table (htmx appends it). */
    @GetMapping("/quotes/line")
    String line(Model model) {
        CurrentUser me = users.current();
        model.addAttribute("products", choices.products(me));
        model.addAttribute("row", new QuoteForm.Row("", "", "1", "", "0", "13"));
        return "sales/quote-form :: line";
    }

    @GetMapping("/quotes/{id}")
    String show(@PathVariable long id, Model model) {
        CurrentUser me = users.current();
        QuoteView q = quotes.get(me, id);
        if (QuoteStatus.parse(q.status()).editable() && me.can("quote", "edit")) {
            return form(me, QuoteForm.of(q), q, model);
        }
        return show(me, q, model);
    }

    @PostMapping("/quotes/{id}")
    String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes flash) {
        CurrentUser me = users.current();
        QuoteForm form = QuoteForm.from(params);
        try {
            quotes.update(me, id, form.version(), form.toInput());
            return "redirect:/quotes/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return form(me, form, quotes.get(me, id), model);
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
            return form(me, form, quotes.get(me, id), model);
        }
    }

    @PostMapping("/quotes/{id}/submit")
    String submit(@PathVariable long id, @RequestParam long version, RedirectAttributes flash) {
        return act(id, flash, () -> workflow.submit(users.current(), id, version));
    }

    @PostMapping("/quotes/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String comment,
                   @RequestParam(required = false) String back, RedirectAttributes flash) {
        String to = act(id, flash, () -> workflow.approve(users.current(), id, comment));
        return "approvals".equals(back) ? "redirect:/approvals" : to;
    }

    @PostMapping("/quotes/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String comment,
                  @RequestParam(required = false) String back, RedirectAttributes flash) {
        String to = act(id, flash, () -> workflow.reject(users.current(), id, comment));
        return "approvals".equals(back) ? "redirect:/approvals" : to;
    }

    @PostMapping("/quotes/{id}/send")
    String send(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String to,
                @RequestParam(required = false) String message, Locale locale, RedirectAttributes flash) {
        return act(id, flash, () -> sending.send(users.current(), id, version, to, message, locale));
    }

    @PostMapping("/quotes/{id}/accept")
    String accept(@PathVariable long id, @RequestParam long version, RedirectAttributes flash) {
        return act(id, flash, () -> workflow.accept(users.current(), id, version));
    }

    @PostMapping("/quotes/{id}/decline")
    String decline(@PathVariable long id, @RequestParam long version, RedirectAttributes flash) {
        return act(id, flash, () -> workflow.decline(users.current(), id, version));
    }

    @PostMapping("/quotes/{id}/revise")
    String revise(@PathVariable long id, @RequestParam long version, RedirectAttributes flash) {
        try {
            return "redirect:/quotes/" + quotes.revise(users.current(), id, version).id();
        } catch (InvalidInputException | StaleVersionException e) {
            return act(id, flash, () -> {
                throw e;
            });
        }
    }

    @GetMapping("/quotes/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, Locale locale) {
        QuoteSending.Pdf pdf = sending.pdf(users.current(), id, locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(pdf.fileName()).build().toString())
                .body(pdf.bytes());
    }

    /** Runs a workflow step; a refused step comes back to the quote page with its reason. */
    private String act(long id, RedirectAttributes flash, java.util.function.Supplier<QuoteView> step) {
        try {
            step.get();
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errors", e.errors());
        } catch (StaleVersionException e) {
            flash.addFlashAttribute("stale", true);
        }
        return "redirect:/quotes/" + id;
    }

    private String form(CurrentUser me, QuoteForm form, QuoteView quote, Model model) {
        long customerId = Long.parseLong(form.customerId());
        model.addAttribute("form", form);
        model.addAttribute("quote", quote);
        choices.fill(me, customerId, form.opportunityId(), model);
        if (quote != null) {
            model.addAttribute("approvals", workflow.approvalsOf(me, quote.id()));
        }
        model.addAttribute("canEdit", me.can("quote", "edit"));
        model.addAttribute("canOrder", me.can("order", "create"));
        model.addAttribute("canDecide", quote != null && workflow.canDecide(me, quote));
        return "sales/quote-form";
    }

    private String show(CurrentUser me, QuoteView q, Model model) {
        model.addAttribute("quote", q);
        model.addAttribute("approvals", workflow.approvalsOf(me, q.id()));
        model.addAttribute("canEdit", me.can("quote", "edit"));
        model.addAttribute("canOrder", me.can("order", "create"));
        model.addAttribute("canDecide", workflow.canDecide(me, q));
        model.addAttribute("opportunity", choices.opportunityOf(me, q.customerId(), q.opportunityId()));
        model.addAttribute("contact", q.contactId() == null ? null
                : quotes.contactsOf(me, q.customerId()).stream().filter(c -> c.id() == q.contactId()).findFirst().orElse(null));
        return "sales/quote";
    }
}
