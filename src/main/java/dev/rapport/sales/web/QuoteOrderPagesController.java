package dev.rapport.sales.web;

import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.sales.QuoteContracts;
import dev.rapport.sales.QuoteOrders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Create order" and "Create contract" on an accepted quote's page: land on the new (or the earlier) one. */
@Controller
class QuoteOrderPagesController {

    private final QuoteOrders quoteOrders;
    private final QuoteContracts quoteContracts;
    private final UserManagement users;

    QuoteOrderPagesController(QuoteOrders quoteOrders, QuoteContracts quoteContracts, UserManagement users) {
        this.quoteOrders = quoteOrders;
        this.quoteContracts = quoteContracts;
        this.users = users;
    }

    @PostMapping("/quotes/{id}/order")
    String order(@PathVariable long id, RedirectAttributes flash) {
        try {
            return "redirect:/orders/" + quoteOrders.orderFrom(users.current(), id).id();
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errors", e.errors());
            return "redirect:/quotes/" + id;
        }
    }

    @PostMapping("/quotes/{id}/contract")
    String contract(@PathVariable long id, RedirectAttributes flash) {
        try {
            return "redirect:/contracts/" + quoteContracts.contractFrom(users.current(), id).id();
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errors", e.errors());
            return "redirect:/quotes/" + id;
        }
    }
}
