package dev.rapport.sales;

import dev.rapport.customers.ContactDetails;
import dev.rapport.customers.ContactManagement;
import dev.rapport.customers.CustomerManagement;
import dev.rapport.customers.CustomerRef;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.OwnerScope;
import dev.rapport.identity.UserManagement;
import dev.rapport.identity.UserSummary;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The people and the deal around a quote, through the customers' and identity's published APIs:
 * customer, contact, owner, and the opportunity it belongs to.
 */
@Component
class QuoteParties {

    private final CustomerManagement customers;
    private final ContactManagement contacts;
    private final UserManagement users;
    private final OpportunityManagement opportunities;

    QuoteParties(CustomerManagement customers, ContactManagement contacts, UserManagement users, OpportunityManagement opportunities) {
        this.customers = customers;
        this.contacts = contacts;
        this.users = users;
        this.opportunities = opportunities;
    }

    /** An opportunity of that customer, visible to the user (a quote linked to another customer's deal is refused). */
    void opportunity(CurrentUser user, Long id, Long customerId, InvalidInputException.Collector errors) {
        if (id == null) {
            return;
        }
        try {
            OpportunityDetails o = opportunities.details(user, id);
            if (customerId != null && customerId != o.customerId()) {
                errors.reject("opportunityId", "error.quote.opportunity");
            }
        } catch (NotFoundException | org.springframework.security.access.AccessDeniedException e) {
            errors.reject("opportunityId", "error.quote.opportunity");
        }
    }

    /** The customer if the user may see it; a field error otherwise (never revealing that it exists). */
    CustomerRef customer(CurrentUser user, Long id, InvalidInputException.Collector errors) {
        if (id == null) {
            errors.reject("customerId", "error.required");
            return null;
        }
        try {
            return customers.ref(user, id);
        } catch (NotFoundException e) {
            errors.reject("customerId", "error.quote.customer");
            return null;
        }
    }

    /** A contact of that customer, visible to the user. */
    ContactDetails contact(CurrentUser user, Long id, Long customerId, InvalidInputException.Collector errors) {
        if (id == null) {
            return null;
        }
        try {
            ContactDetails k = contacts.details(user, id);
            if (customerId != null && !customerId.equals(k.customerId())) {
                errors.reject("contactId", "error.quote.contact");
                return null;
            }
            return k;
        } catch (NotFoundException | org.springframework.security.access.AccessDeniedException e) {
            errors.reject("contactId", "error.quote.contact");
            return null;
        }
    }

    Optional<ContactDetails> contactQuietly(CurrentUser user, Long id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(contacts.details(user, id));
        } catch (NotFoundException | org.springframework.security.access.AccessDeniedException e) {
            return Optional.empty();
        }
    }

    /** The owner: the user themself, or an active user whose records they may see. */
    long owner(CurrentUser user, Long ownerId, InvalidInputException.Collector errors) {
        if (ownerId == null || ownerId == user.id()) {
            return user.id();
        }
        if (users.find(ownerId).filter(UserSummary::active).isEmpty() || !users.scopeOf(user).includes(ownerId)) {
            errors.reject("ownerId", "error.owner.invalid");
        }
        return ownerId;
    }

    java.util.List<ContactDetails> contactsOf(CurrentUser user, long customerId) {
        return contacts.ofCustomer(user, customerId);
    }

    OwnerScope scope(CurrentUser user) {
        return users.scopeOf(user);
    }

    Map<Long, String> customerNames(Collection<Long> ids) {
        return customers.names(ids);
    }

    Map<Long, UserSummary> userSummaries(Collection<Long> ids) {
        return users.summaries(ids);
    }

    UserManagement users() {
        return users;
    }
}
