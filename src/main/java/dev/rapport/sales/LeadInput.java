package dev.rapport.sales;

/**
 * What a user, the API, a web form or an import gives for a lead. A null owner lets the assignment
 * rules choose one (and the creator is the owner when no rule matches).
 */
public record LeadInput(String company, String name, String title, String phone, String email, String source,
                        String industry, String province, String city, String description, String rating, Integer score,
                        Long ownerId) {
}
