package dev.rapport.sales;

/**
 * Where a lead (线索) stands: new, being worked, qualified, unqualified (with a reason) or
 * converted into a customer. Only new and working leads count as open, for load-balanced assignment.
 */
public enum LeadStatus {
    NEW, WORKING, QUALIFIED, UNQUALIFIED, CONVERTED;

    public String key() {
        return name().toLowerCase();
    }

    public boolean isOpen() {
        return this == NEW || this == WORKING;
    }

    public static LeadStatus parse(String text) {
        if (text == null) {
            return null;
        }
        for (LeadStatus s : values()) {
            if (s.key().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        return null;
    }
}
