package dev.rapport.customers.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public record ValidContact(Long customerId, String name, String title, String phone, String phoneNormalized, String email,
                           String emailNormalized, LocalDate birthday, long ownerId, String externalId, String notes,
                           String searchText, List<CustomValue> customValues) {

    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customer_id", customerId);
        m.put("name", name);
        m.put("title", title);
        m.put("phone", phone);
        m.put("email", email);
        m.put("birthday", birthday);
        m.put("owner_id", ownerId);
        m.put("external_id", externalId);
        m.put("notes", notes);
        return m;
    }
}
