package dev.rapport.sales.web;

import dev.rapport.sales.LeadInput;

/** A lead as the API receives it; {@code version} may stand in for If-Match. */
record LeadRequest(String company, String name, String title, String phone, String email, String source, String industry,
                   String province, String city, String description, String rating, Integer score, Long ownerId,
                   Long version) {

    LeadInput toInput() {
        return new LeadInput(company, name, title, phone, email, source, industry, province, city, description, rating, score,
                ownerId);
    }
}
