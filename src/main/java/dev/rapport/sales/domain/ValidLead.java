package dev.rapport.sales.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** Lead input that passed validation: trimmed, phone normalized, search text built. */
public record ValidLead(String company, String name, String title, String phone, String phoneNormalized, String email,
                        String source, String industry, String province, String city, String description, String rating,
                        Integer score, Long ownerId, String searchText) {

    /** The audited fields, by column name. */
    public Map<String, Object> fields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("company", company);
        f.put("name", name);
        f.put("title", title);
        f.put("phone", phone);
        f.put("email", email);
        f.put("source", source);
        f.put("industry", industry);
        f.put("province", province);
        f.put("city", city);
        f.put("description", description);
        f.put("rating", rating);
        f.put("score", score);
        return f;
    }
}
