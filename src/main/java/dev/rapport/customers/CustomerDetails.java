package dev.rapport.customers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A customer as shown on its page and returned by the API. A customer in a public pool has no
 * owner and its {@code poolId}; a claimed one keeps the pool it came from.
 */
public record CustomerDetails(long id, String type, String name, String phone, String phoneNormalized, String email,
                              String creditCode, String province, String city, String district, String street,
                              String industry, String source, List<String> tags, LocalDate birthday, String status,
                              String tier, Long ownerId, String ownerName, String externalId, String notes,
                              Map<String, Object> customFields, long version, Instant createdAt, Instant updatedAt,
                              Long poolId) {
}
