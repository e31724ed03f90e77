package dev.rapport.customers;

/** A stakeholder's attitude towards us (态度): supporter (支持), neutral (中立) or opponent (反对). */
public enum Attitude {
    SUPPORTER, NEUTRAL, OPPONENT;

    public String key() {
        return name().toLowerCase();
    }

    /** The attitude for a key (or its Chinese name), or null when the text names none. */
    public static Attitude parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim().toLowerCase();
        for (Attitude a : values()) {
            if (a.key().equals(t)) {
                return a;
            }
        }
        return switch (t) {
            case "支持" -> SUPPORTER;
            case "中立" -> NEUTRAL;
            case "反对" -> OPPONENT;
            default -> null;
        };
    }
}
