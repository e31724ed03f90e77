package dev.rapport.customers;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a user or an import gives for a customer. Null fields on update mean "leave as is" only
 * in {@link CustomerManagement#patch}; a full update replaces every field. A new customer without
 * an owner is routed by the assignment rules ({@link OwnerRouting}), else owned by its creator.
 */
public record CustomerInput(String type, String name, String phone, String email, String creditCode,
                            String province, String city, String district, String street, String industry,
                            String source, List<String> tags, LocalDate birthday, String status, String tier,
                            Long ownerId, String externalId, String notes, Map<String, String> customFields) {

    /** The same input with the owner the assignment rules chose. */
    public CustomerInput withOwner(Long owner) {
        return new CustomerInput(type, name, phone, email, creditCode, province, city, district, street, industry, source, tags,
                birthday, status, tier, owner, externalId, notes, customFields);
    }
}
