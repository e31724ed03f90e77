package dev.rapport.customers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

public record ContactDetails(long id, Long customerId, String customerName, String name, String title, String phone,
                             String phoneNormalized, String email, LocalDate birthday, long ownerId, String ownerName,
                             String externalId, String notes, Map<String, Object> customFields, long version,
                             Instant createdAt, Instant updatedAt) {
}
