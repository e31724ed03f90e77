package dev.rapport.sales.web;

import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.LeadAlreadyConvertedException;
import dev.rapport.sales.LeadConversion;
import dev.rapport.sales.LeadConversionInput;
import dev.rapport.sales.LeadConversionResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The convert page: pick or create the customer, optionally name an opportunity, convert. */
@Controller
class LeadConversionPagesController {

    private final LeadConversion conversion;
    private final UserManagement users;
    private final MessageSource messages;

    LeadConversionPagesController(LeadConversion conversion, UserManagement users, MessageSource messages) {
        this.conversion = conversion;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/leads/{id}/convert")
    String page(@PathVariable long id, Model model) {
        model.addAttribute("preview", conversion.preview(users.current(), id));
        return "sales/lead-convert";
    }

    @PostMapping("/leads/{id}/convert")
    String convert(@PathVariable long id, @RequestParam(defaultValue = "new") String customer, @RequestParam long version,
                   @RequestParam(required = false) String opportunityName, @RequestParam(required = false) BigDecimal amount,
                   @RequestParam(required = false) String currency,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedCloseDate,
                   Model model, RedirectAttributes redirect) {
        CurrentUser me = users.current();
        boolean createNew = "new".equals(customer);
        Long customerId = createNew ? null : Long.valueOf(customer);
        try {
            LeadConversionResult r = conversion.convert(me, id, new LeadConversionInput(customerId, createNew, null,
                    opportunityName, amount, currency == null || currency.isBlank() ? "CNY" : currency, expectedCloseDate, version));
            redirect.addFlashAttribute("flash", messages.getMessage("lead.convert.done", null, LocaleContextHolder.getLocale()));
            return "redirect:/customers/" + r.customerId();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
        }
        return page(id, model);
    }

    @ExceptionHandler(LeadAlreadyConvertedException.class)
    String alreadyConverted(LeadAlreadyConvertedException e, RedirectAttributes redirect) {
        redirect.addFlashAttribute("flash", messages.getMessage("problem.lead.converted.detail", new Object[] {e.customerId()},
                LocaleContextHolder.getLocale()));
        return "redirect:/leads/" + e.leadId();
    }
}
