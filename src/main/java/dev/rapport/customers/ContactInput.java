package dev.rapport.customers;

import java.time.LocalDate;
import java.util.Map;

/** What a user or an import gives for a contact (联系人). */
public record ContactInput(Long customerId, String name, String title, String phone, String email, LocalDate birthday,
                           Long ownerId, String externalId, String notes, Map<String, String> customFields) {
}
