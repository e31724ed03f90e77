package dev.rapport.customers;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a user or an import gives for a customer. Null fields on update mean "leave as is" only
 * in {@link CustomerManagement#patch}; a full update replaces every field.
 */
public record CustomerInput(String type, String name, String phone, String email, String creditCode,
                            String province, String city, String district, String street, String industry,
                            String source, List<String> tags, LocalDate birthday, String status, String tier,
                            Long ownerId, String externalId, String notes, Map<String, String> customFields) {
}
