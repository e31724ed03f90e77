package dev.rapport.sales;

import java.util.List;

/**
 * An assignment rule (分配规则) for new leads, new customers or both ({@code appliesTo}: leads,
 * customers, both). Its territory is the match fields: each empty one matches
 * anything, a filled one is a comma list of accepted values (case-insensitive). Strategies:
 * {@code fixed} (the first user), {@code round_robin} (the users in turn, the turn kept in the
 * database so all nodes share it) and {@code load_balanced} (the user with the fewest open leads,
 * for a lead; with the fewest customers, for a customer).
 */
public record AssignmentRule(long id, String name, int position, boolean active, String matchProvince, String matchCity,
                             String matchIndustry, String matchSource, String strategy, List<Long> userIds, long version, String appliesTo) {

    public static final List<String> STRATEGIES = List.of("fixed", "round_robin", "load_balanced");
    public static final String LEADS = "leads";
    public static final String CUSTOMERS = "customers";
    public static final String BOTH = "both";
    public static final List<String> APPLIES_TO = List.of(LEADS, CUSTOMERS, BOTH);

    /** Whether the rule routes records of the kind ({@link #LEADS} or {@link #CUSTOMERS}). */
    public boolean appliesTo(String kind) {
        return BOTH.equals(appliesTo) || kind.equals(appliesTo);
    }

    public boolean matches(String kind, String province, String city, String industry, String source) {
        return active && appliesTo(kind) && accepts(matchProvince, province) && accepts(matchCity, city) && accepts(matchIndustry, industry)
                && accepts(matchSource, source);
    }

    private static boolean accepts(String accepted, String value) {
        if (accepted == null || accepted.isBlank()) {
            return true;
        }
        if (value == null) {
            return false;
        }
        for (String a : accepted.split(",")) {
            if (a.trim().equalsIgnoreCase(value.trim())) {
                return true;
            }
        }
        return false;
    }
}
