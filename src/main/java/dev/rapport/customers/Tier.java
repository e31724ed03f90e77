package dev.rapport.customers;

/** Value tier (客户分级); set by hand until analytics computes it. */
public enum Tier {
    KEY_MAJOR, KEY_MINOR, ORDINARY, SMALL, UNRATED;

    public String key() {
        return name().toLowerCase().replace('_', '-');
    }

    public static Tier parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim().toLowerCase().replace('_', '-');
        for (Tier s : values()) {
            if (s.key().equals(t)) {
                return s;
            }
        }
        return switch (t) {
            case "重要客户", "关键客户" -> KEY_MAJOR;
            case "次要客户" -> KEY_MINOR;
            case "普通客户" -> ORDINARY;
            case "小客户" -> SMALL;
            default -> null;
        };
    }
}
