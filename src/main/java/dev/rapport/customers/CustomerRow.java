package dev.rapport.customers;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A customer in a list; {@code ownerId} is null for a customer in a public pool (公海). */
public record CustomerRow(long id, String type, String name, String phone, String email, String province, String city,
                          String industry, String source, List<String> tags, String status, String tier, Long ownerId,
                          String ownerName, Instant createdAt, Instant updatedAt, Map<String, Object> customFields) {
}
