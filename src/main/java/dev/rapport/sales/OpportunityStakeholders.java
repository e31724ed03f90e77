package dev.rapport.sales;

import dev.rapport.customers.DecisionChain;
import dev.rapport.customers.Stakeholder;
import dev.rapport.customers.StakeholderInput;
import dev.rapport.customers.Stakeholders;
import dev.rapport.identity.CurrentUser;
import dev.rapport.platform.InvalidInputException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The decision chain (决策链) of one opportunity: the organization's chain, with the places its
 * contacts take in this deal where they differ (a contact who is only an influencer for the company
 * may decide this purchase). Kept by the customers module under the context
 * {@code opportunity:<id>}; the user must see the opportunity, and a contact must belong to its
 * customer. The overrides go when the opportunity is deleted.
 */
@Service
public class OpportunityStakeholders {

    private final OpportunityManagement opportunities;
    private final Stakeholders stakeholders;

    OpportunityStakeholders(OpportunityManagement opportunities, Stakeholders stakeholders) {
        this.opportunities = opportunities;
        this.stakeholders = stakeholders;
    }

    static String context(long opportunityId) {
        return "opportunity:" + opportunityId;
    }

    public DecisionChain chain(CurrentUser user, long opportunityId) {
        OpportunityDetails o = opportunities.details(user, opportunityId);
        return stakeholders.chain(user, o.customerId(), context(opportunityId));
    }

    /** Sets a contact's place in this opportunity; {@code expectedVersion} is 0 for its first override. */
    @Transactional
    public Stakeholder set(CurrentUser user, long opportunityId, long contactId, long expectedVersion, StakeholderInput input) {
        user.require("opportunity", "edit");
        checkContact(user, opportunityId, contactId);
        return stakeholders.set(user, contactId, context(opportunityId), expectedVersion, input);
    }

    /** Drops this opportunity's override of a contact: the organization's place applies again. */
    @Transactional
    public void remove(CurrentUser user, long opportunityId, long contactId, long expectedVersion) {
        user.require("opportunity", "edit");
        checkContact(user, opportunityId, contactId);
        stakeholders.remove(user, contactId, context(opportunityId), expectedVersion);
    }

    private void checkContact(CurrentUser user, long opportunityId, long contactId) {
        boolean ofCustomer = chain(user, opportunityId).stakeholders().stream().anyMatch(s -> s.contactId() == contactId);
        if (!ofCustomer) {
            throw new InvalidInputException("contactId", "error.opportunity.contact");
        }
    }

    @EventListener
    void on(OpportunityDeleted deleted) {
        stakeholders.forgetContext(deleted.customerId(), context(deleted.opportunityId()), deleted.actorId());
    }
}
