package dev.rapport.sales;

import java.time.Instant;

/** A lead in a list, a search result or a duplicate warning; no owner while it sits in a public pool. */
public record LeadRow(long id, String company, String name, String phone, String email, String source, String status,
                      Long ownerId, String ownerName, Instant createdAt) {
}
