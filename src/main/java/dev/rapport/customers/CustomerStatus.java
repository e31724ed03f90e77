package dev.rapport.customers;

/**
 * The customer's relationship status (客户状态): potential → target → current → lost, plus
 * non-customer. A lost customer can be won back to current.
 */
public enum CustomerStatus {
    POTENTIAL, TARGET, CURRENT, LOST, NON_CUSTOMER;

    public String key() {
        return name().toLowerCase().replace('_', '-');
    }

    public static CustomerStatus parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim().toLowerCase().replace('_', '-');
        for (CustomerStatus s : values()) {
            if (s.key().equals(t)) {
                return s;
            }
        }
        return switch (t) {
            case "潜在客户", "潜在" -> POTENTIAL;
            case "目标客户", "目标" -> TARGET;
            case "现实客户", "现实", "customer" -> CURRENT;
            case "流失客户", "流失" -> LOST;
            case "非客户", "noncustomer" -> NON_CUSTOMER;
            default -> null;
        };
    }
}
