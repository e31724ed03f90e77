package dev.rapport.sales;

/** An opportunity was deleted (by a user, or with its customer). Published inside the deleting transaction. */
public record OpportunityDeleted(long opportunityId, long customerId, long actorId) {
}
