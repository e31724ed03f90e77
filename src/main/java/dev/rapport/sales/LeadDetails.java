package dev.rapport.sales;

import java.time.Instant;

/**
 * A lead as its page and the API show it, with the records it was converted into. A lead in a public
 * pool has no owner and its {@code poolId}; a claimed one keeps the pool it came from.
 */
public record LeadDetails(long id, String company, String name, String title, String phone, String phoneNormalized,
                          String email, String source, String industry, String province, String city, String description,
                          String status, String rating, Integer score, String unqualifiedReason, Long ownerId,
                          String ownerName, Long customerId, Long contactId, Long opportunityId, Instant convertedAt,
                          Long assignedRuleId, Long webFormId, long version, Instant createdAt, Instant updatedAt,
                          String externalId, Long poolId, Instant ownedSince, Instant lastActivityAt) {

    /** In a public pool: no owner until someone claims it or a manager assigns it. */
    public boolean inPool() {
        return ownerId == null;
    }

    public boolean converted() {
        return LeadStatus.CONVERTED.key().equals(status);
    }

    LeadDetails withOwnerName(String name) {
        return new LeadDetails(id, company, this.name, title, phone, phoneNormalized, email, source, industry, province, city,
                description, status, rating, score, unqualifiedReason, ownerId, name, customerId, contactId, opportunityId,
                convertedAt, assignedRuleId, webFormId, version, createdAt, updatedAt, externalId, poolId, ownedSince,
                lastActivityAt);
    }
}
