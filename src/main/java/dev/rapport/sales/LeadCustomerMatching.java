package dev.rapport.sales;

import dev.rapport.customers.ContactDetails;
import dev.rapport.customers.ContactInput;
import dev.rapport.customers.ContactManagement;
import dev.rapport.customers.CustomerInput;
import dev.rapport.customers.CustomerManagement;
import dev.rapport.customers.CustomerMerging;
import dev.rapport.customers.CustomerRef;
import dev.rapport.customers.CustomerType;
import dev.rapport.customers.DuplicateCandidate;
import dev.rapport.identity.CurrentUser;
import dev.rapport.platform.InvalidInputException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The customer side of a conversion, through the customers module's published API: the customer
 * a lead becomes (or matches, found by the customers' own duplicate rules: credit code, phone,
 * e-mail, folded name) and its contact.
 */
@Component
class LeadCustomerMatching {

    private final CustomerManagement customers;
    private final ContactManagement contacts;
    private final CustomerMerging merging;

    LeadCustomerMatching(CustomerManagement customers, ContactManagement contacts, CustomerMerging merging) {
        this.customers = customers;
        this.contacts = contacts;
        this.merging = merging;
    }

    /** A company lead becomes an organization; a lead without a company becomes an individual customer. */
    static CustomerInput customerInput(LeadDetails lead) {
        boolean org = lead.company() != null && !lead.company().isBlank();
        return new CustomerInput(org ? CustomerType.ORGANIZATION.key() : CustomerType.INDIVIDUAL.key(),
                org ? lead.company() : lead.name(), lead.phone(), lead.email(), null, lead.province(), lead.city(), null, null,
                lead.industry(), lead.source(), List.of(), null, null, null, lead.ownerId(), null, lead.description(), null);
    }

    /** Visible customers that look like the one the lead would become. */
    List<DuplicateCandidate> matches(CurrentUser user, LeadDetails lead) {
        return merging.similarTo(user, customerInput(lead), null);
    }

    CustomerRef existing(CurrentUser user, long customerId) {
        return customers.ref(user, customerId);
    }

    long create(CurrentUser user, LeadDetails lead) {
        return customers.create(user, customerInput(lead)).id();
    }

    boolean isOrganization(CurrentUser user, long customerId) {
        return CustomerType.ORGANIZATION.key().equals(customers.details(user, customerId).type());
    }

    /** The chosen contact, or one of the customer's contacts with the lead's phone, e-mail or name. */
    Optional<ContactDetails> matchingContact(CurrentUser user, long customerId, Long contactId, LeadDetails lead) {
        List<ContactDetails> known = contacts.ofCustomer(user, customerId);
        if (contactId != null) {
            return Optional.of(known.stream().filter(k -> k.id() == contactId).findFirst()
                    .orElseThrow(() -> new InvalidInputException("contactId", "error.lead.contactNotOfCustomer")));
        }
        return known.stream().filter(k -> same(k.phoneNormalized(), lead.phoneNormalized()) || same(lower(k.email()), lead.email())
                || same(k.name(), lead.name())).findFirst();
    }

    long createContact(CurrentUser user, long customerId, LeadDetails lead) {
        return contacts.create(user, new ContactInput(customerId, lead.name(), lead.title(), lead.phone(), lead.email(), null,
                lead.ownerId(), null, null, null)).id();
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.equals(b);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
