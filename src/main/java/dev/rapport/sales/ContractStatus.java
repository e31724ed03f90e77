package dev.rapport.sales;

/** A contract's status: draft → active (signed; its payment plan counts as owed) → expired or terminated. */
public enum ContractStatus {
    DRAFT, ACTIVE, EXPIRED, TERMINATED;

    public String key() {
        return name().toLowerCase();
    }

    public static ContractStatus parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (ContractStatus s : values()) {
            if (s.key().equals(text.trim().toLowerCase())) {
                return s;
            }
        }
        return null;
    }
}
