package dev.rapport.sales;

import dev.rapport.activities.LeadActivities;
import dev.rapport.customers.ContactDetails;
import dev.rapport.customers.DuplicateCandidate;
import dev.rapport.identity.CurrentUser;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.StaleVersionException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Converts a lead (线索转化) in one transaction: the customer (new, or an existing one that looks
 * the same), its contact (matched or new), optionally an opportunity, the lead's activities moved
 * to the customer, and the lead marked converted with links to all of them. Everything is audited;
 * a failure anywhere writes nothing. A lead converts once.
 */
@Service
public class LeadConversion {

    /** What the convert page shows before the user decides. */
    public record Preview(LeadDetails lead, List<DuplicateCandidate> customerMatches, boolean opportunitiesAvailable) {
    }

    private final LeadManagement leads;
    private final LeadCustomerMatching customers;
    private final LeadActivities activities;
    private final OpportunityManagement opportunities;

    LeadConversion(LeadManagement leads, LeadCustomerMatching customers, LeadActivities activities,
                   OpportunityManagement opportunities) {
        this.leads = leads;
        this.customers = customers;
        this.activities = activities;
        this.opportunities = opportunities;
    }

    public Preview preview(CurrentUser user, long leadId) {
        LeadDetails lead = leads.details(user, leadId);
        if (lead.converted()) {
            throw new LeadAlreadyConvertedException(leadId, lead.customerId());
        }
        return new Preview(lead, customers.matches(user, lead), user.can("opportunity", "create"));
    }

    @Transactional
    public LeadConversionResult convert(CurrentUser user, long leadId, LeadConversionInput in) {
        user.require("lead", "edit");
        LeadDetails lead = leads.visible(user, leadId);
        if (lead.inPool()) {
            throw new InvalidInputException("ownerId", "lead.error.inPool");
        }
        if (lead.converted()) {
            throw new LeadAlreadyConvertedException(leadId, lead.customerId());
        }
        if (in.version() != null && in.version() != lead.version()) {
            throw new StaleVersionException("lead", lead.version());
        }
        long customerId;
        boolean customerCreated = false;
        if (in.customerId() != null) {
            customerId = customers.existing(user, in.customerId()).id();
        } else {
            if (!Boolean.TRUE.equals(in.createCustomer()) && !customers.matches(user, lead).isEmpty()) {
                // the duplicate rule of customers: offer the match rather than make a second one
                throw new InvalidInputException("customerId", "error.lead.customerExists");
            }
            customerId = customers.create(user, lead);
            customerCreated = true;
        }
        Long contactId = null;
        boolean contactCreated = false;
        if (customers.isOrganization(user, customerId)) {
            Optional<ContactDetails> match = customerCreated ? Optional.empty()
                    : customers.matchingContact(user, customerId, in.contactId(), lead);
            if (match.isPresent()) {
                contactId = match.get().id();
            } else {
                contactId = customers.createContact(user, customerId, lead);
                contactCreated = true;
            }
        }
        Long opportunityId = null;
        if (in.opportunityName() != null && !in.opportunityName().isBlank()) {
            opportunityId = opportunities.create(user, new OpportunityInput(in.opportunityName().trim(), customerId, contactId,
                    null, null, in.amount(), in.currency(), in.expectedCloseDate(), lead.ownerId(), null, leadId)).id();
        }
        int moved = activities.moveToCustomer(user, leadId, customerId);
        leads.markConverted(user, lead, customerId, contactId, opportunityId);
        return new LeadConversionResult(leadId, customerId, customerCreated, contactId, contactCreated, opportunityId, moved);
    }
}
