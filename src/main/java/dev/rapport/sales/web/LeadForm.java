package dev.rapport.sales.web;

import dev.rapport.sales.LeadDetails;
import dev.rapport.sales.LeadInput;

/** The lead form on the pages, as typed. */
record LeadForm(String company, String name, String title, String phone, String email, String source, String industry,
                String province, String city, String description, String rating, Integer score, Long ownerId, Long version) {

    static LeadForm empty(long ownerId) {
        return new LeadForm(null, null, null, null, null, null, null, null, null, null, null, null, ownerId, null);
    }

    static LeadForm of(LeadDetails l) {
        return new LeadForm(l.company(), l.name(), l.title(), l.phone(), l.email(), l.source(), l.industry(), l.province(),
                l.city(), l.description(), l.rating(), l.score(), l.ownerId(), l.version());
    }

    LeadInput toInput() {
        return new LeadInput(company, name, title, phone, email, source, industry, province, city, description, rating, score,
                ownerId);
    }
}
