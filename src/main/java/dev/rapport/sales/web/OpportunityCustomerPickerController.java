package dev.rapport.sales.web;

import dev.rapport.customers.ContactManagement;
import dev.rapport.customers.CustomerLookup;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer picker of the new-opportunity form (htmx): customers matching what is typed, as the
 * search box finds them and within the user's data scope, and the chosen customer's contacts.
 */
@Controller
class OpportunityCustomerPickerController {

    static final int PICKER_SIZE = 20;

    private final CustomerLookup customers;
    private final ContactManagement contacts;
    private final UserManagement users;

    OpportunityCustomerPickerController(CustomerLookup customers, ContactManagement contacts, UserManagement users) {
        this.customers = customers;
        this.contacts = contacts;
        this.users = users;
    }

    @GetMapping("/opportunities/customer-picker")
    String customers(@RequestParam(required = false) String customerQ, Model model) {
        CurrentUser me = users.current();
        me.require("opportunity", "create");
        model.addAttribute("choices", customers.search(me, customerQ, PICKER_SIZE));
        model.addAttribute("chosen", null);
        model.addAttribute("searched", customerQ != null && !customerQ.isBlank());
        return "opportunities/form :: customer-choice";
    }

    @GetMapping("/opportunities/customer-contacts")
    String contacts(@RequestParam(required = false) Long customerId, Model model) {
        CurrentUser me = users.current();
        me.require("opportunity", "create");
        model.addAttribute("contacts", customerId == null ? List.of() : contacts.ofCustomer(me, customerId));
        model.addAttribute("chosenContact", null);
        return "opportunities/form :: contact-choice";
    }
}
