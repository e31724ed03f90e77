package dev.rapport.sales;

/** What a conversion made or matched, and how many activities moved to the customer. */
public record LeadConversionResult(long leadId, long customerId, boolean customerCreated, Long contactId,
                                   boolean contactCreated, Long opportunityId, int activitiesMoved) {
}
