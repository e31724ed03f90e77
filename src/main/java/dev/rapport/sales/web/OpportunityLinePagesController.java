package dev.rapport.sales.web;

import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.OpportunityLineInput;
import dev.rapport.sales.OpportunityLines;
import dev.rapport.sales.OpportunityProducts;
import dev.rapport.sales.OpportunityQuotes;
import dev.rapport.sales.ProductManagement;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The products section of the opportunity page (htmx): the line table, a line's edit row, the add
 * row with its product search, the price book, and "create a quote" from the lines. Each change
 * answers with the section and, out of band, the page's amount and version fields; without htmx
 * it goes back to the page.
 */
@Controller
class OpportunityLinePagesController {

    /** A line form as typed, kept when it is refused. */
    record LineForm(String productId, String productLabel, String quantity, String unitPrice, String discountPercent) {
        static LineForm blank() {
            return new LineForm("", "", "1", "", "0");
        }
    }

    private static final int PICKER_SIZE = 20;

    private final OpportunityLines lines;
    private final OpportunityQuotes quotes;
    private final ProductManagement products;
    private final UserManagement users;

    OpportunityLinePagesController(OpportunityLines lines, OpportunityQuotes quotes, ProductManagement products, UserManagement users) {
        this.lines = lines;
        this.quotes = quotes;
        this.products = products;
        this.users = users;
    }

    @GetMapping("/opportunities/{id}/products")
    String section(@PathVariable long id, @RequestParam(required = false) Long edit, Model model) {
        CurrentUser me = users.current();
        return render(me, lines.get(me, id), edit, LineForm.blank(), false, model);
    }

    /** The product choices of the add row for a search term: SKU prefix or part of the name, active products only. */
    @GetMapping("/opportunities/{id}/products/picker")
    String picker(@PathVariable long id, @RequestParam(required = false) String productQ, Model model) {
        CurrentUser me = users.current();
        lines.get(me, id);
        model.addAttribute("choices", products.products(me, productQ, true, null, PICKER_SIZE).items());
        model.addAttribute("form", LineForm.blank());
        return "opportunities/products :: picker";
    }

    @PostMapping("/opportunities/{id}/products")
    String add(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String productId,
               @RequestParam(required = false) String quantity, @RequestParam(required = false) String unitPrice,
               @RequestParam(required = false) String discountPercent, HtmxRequest htmx, Model model, RedirectAttributes flash) {
        CurrentUser me = users.current();
        LineForm form = new LineForm(productId, null, quantity, unitPrice, discountPercent);
        return change(me, id, null, form, htmx, model, flash, () -> lines.add(me, id, version, null, input(form)));
    }

    @PostMapping("/opportunities/{id}/products/{lineId}")
    String update(@PathVariable long id, @PathVariable long lineId, @RequestParam long version,
                  @RequestParam(required = false) String quantity, @RequestParam(required = false) String unitPrice,
                  @RequestParam(required = false) String discountPercent, @RequestParam(required = false) String productId,
                  HtmxRequest htmx, Model model, RedirectAttributes flash) {
        CurrentUser me = users.current();
        LineForm form = new LineForm(productId, null, quantity, unitPrice, discountPercent);
        return change(me, id, lineId, form, htmx, model, flash, () -> lines.change(me, id, version, lineId, input(form)));
    }

    @PostMapping("/opportunities/{id}/products/{lineId}/remove")
    String remove(@PathVariable long id, @PathVariable long lineId, @RequestParam long version, HtmxRequest htmx, Model model,
                  RedirectAttributes flash) {
        CurrentUser me = users.current();
        return change(me, id, null, LineForm.blank(), htmx, model, flash, () -> lines.remove(me, id, version, lineId));
    }

    @PostMapping("/opportunities/{id}/products/book")
    String book(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) Long priceBookId,
                HtmxRequest htmx, Model model, RedirectAttributes flash) {
        CurrentUser me = users.current();
        return change(me, id, null, LineForm.blank(), htmx, model, flash, () -> {
            List<OpportunityLineInput> current = new ArrayList<>(lines.get(me, id).lines().stream().map(l -> l.toInput()).toList());
            return lines.replace(me, id, version, priceBookId, current);
        });
    }

    /** A draft quote with the opportunity's lines; the quote page opens on it. */
    @PostMapping("/opportunities/{id}/quote")
    String quote(@PathVariable long id, RedirectAttributes flash) {
        try {
            return "redirect:/quotes/" + quotes.create(users.current(), id).id();
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errors", e.errors());
            return "redirect:/opportunities/" + id;
        }
    }

    private String change(CurrentUser me, long id, Long editing, LineForm form, HtmxRequest htmx, Model model,
                          RedirectAttributes flash, java.util.function.Supplier<OpportunityProducts> step) {
        try {
            OpportunityProducts p = step.get();
            if (!htmx.isHtmxRequest()) {
                return "redirect:/opportunities/" + id;
            }
            return render(me, p, null, LineForm.blank(), true, model);
        } catch (InvalidInputException e) {
            List<InvalidInputException.FieldError> errors = e.errors().stream().map(OpportunityLinePagesController::lineField).toList();
            if (!htmx.isHtmxRequest()) {
                flash.addFlashAttribute("errors", errors);
                return "redirect:/opportunities/" + id;
            }
            model.addAttribute("errors", errors);
            return render(me, lines.get(me, id), editing, editing == null ? form : LineForm.blank(), false, model);
        } catch (StaleVersionException e) {
            if (!htmx.isHtmxRequest()) {
                flash.addFlashAttribute("stale", true);
                return "redirect:/opportunities/" + id;
            }
            model.addAttribute("stale", true);
            // the page's other forms carry the old version too: refresh them with the section
            return render(me, lines.get(me, id), null, LineForm.blank(), true, model);
        }
    }

    private String render(CurrentUser me, OpportunityProducts p, Long editing, LineForm form, boolean oob, Model model) {
        boolean canEdit = me.can("opportunity", "edit") && me.can("product", "view");
        model.addAttribute("p", p);
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        model.addAttribute("oob", oob);
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("canQuote", me.can("quote", "create") && !p.lines().isEmpty());
        model.addAttribute("books", canEdit ? lines.booksFor(me, p.currency()) : List.of());
        model.addAttribute("choices", canEdit ? products.products(me, null, true, null, PICKER_SIZE).items() : List.of());
        return "opportunities/products :: products";
    }

    /** "lines[3].quantity" names the field of the one line the form shows: "quantity". */
    private static InvalidInputException.FieldError lineField(InvalidInputException.FieldError e) {
        String f = e.field();
        int dot = f.indexOf("].");
        return f.startsWith("lines[") && dot > 0 ? new InvalidInputException.FieldError(f.substring(dot + 2), e.messageKey(), e.args()) : e;
    }

    private static OpportunityLineInput input(LineForm f) {
        var errors = new InvalidInputException.Collector();
        Long product = null;
        if (f.productId() != null && !f.productId().isBlank()) {
            try {
                product = Long.valueOf(f.productId().trim());
            } catch (NumberFormatException e) {
                errors.reject("productId", "error.number.invalid");
            }
        }
        OpportunityLineInput in = new OpportunityLineInput(product, number(f.quantity(), "quantity", errors),
                number(f.unitPrice(), "unitPrice", errors), number(f.discountPercent(), "discountPercent", errors));
        errors.throwIfAny();
        return in;
    }

    private static BigDecimal number(String s, String field, InvalidInputException.Collector errors) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            errors.reject(field, "error.number.invalid");
            return null;
        }
    }
}
