package dev.rapport.customers.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** A customers row as stored. {@code ownerId} is null while the customer is in its pool ({@code poolId}). */
public record StoredCustomer(long id, String type, String name, String phone, String phoneNormalized, String email,
                             String emailNormalized, String creditCode, String province, String city, String district,
                             String street, String industry, String source, String tags, LocalDate birthday,
                             String status, String tier, Long ownerId, String externalId, String notes, long version,
                             Instant createdAt, Instant updatedAt, Long poolId) {

    /** Field values by column name, for audit diffs and merges. */
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("name", name);
        m.put("phone", phone);
        m.put("email", email);
        m.put("credit_code", creditCode);
        m.put("province", province);
        m.put("city", city);
        m.put("district", district);
        m.put("street", street);
        m.put("industry", industry);
        m.put("source", source);
        m.put("tags", tags);
        m.put("birthday", birthday);
        m.put("status", status);
        m.put("tier", tier);
        m.put("owner_id", ownerId);
        m.put("external_id", externalId);
        m.put("notes", notes);
        return m;
    }

    public static Map<String, Object> fields(ValidCustomer c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", c.type().key());
        m.put("name", c.name());
        m.put("phone", c.phone());
        m.put("email", c.email());
        m.put("credit_code", c.creditCode());
        m.put("province", c.province());
        m.put("city", c.city());
        m.put("district", c.district());
        m.put("street", c.street());
        m.put("industry", c.industry());
        m.put("source", c.source());
        m.put("tags", c.tags());
        m.put("birthday", c.birthday());
        m.put("status", c.status().key());
        m.put("tier", c.tier().key());
        m.put("owner_id", c.ownerId());
        m.put("external_id", c.externalId());
        m.put("notes", c.notes());
        return m;
    }
}
