package dev.rapport.customers;

/** 企业客户 or 个人客户. */
public enum CustomerType {
    ORGANIZATION, INDIVIDUAL;

    public String key() {
        return name().toLowerCase();
    }

    /** Accepts "organization"/"individual" in any case, and the Chinese names. */
    public static CustomerType parse(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toLowerCase()) {
            case "organization", "organisation", "company", "org", "企业", "企业客户", "公司" -> ORGANIZATION;
            case "individual", "person", "personal", "个人", "个人客户" -> INDIVIDUAL;
            default -> null;
        };
    }
}
