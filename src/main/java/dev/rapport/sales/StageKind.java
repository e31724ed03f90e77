package dev.rapport.sales;

/** What reaching a stage means: still open, won (赢单) or lost (输单). */
public enum StageKind {
    OPEN, WON, LOST;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The kind for an API or form value, or null when it is none of them. */
    public static StageKind parse(String value) {
        if (value == null) {
            return null;
        }
        for (StageKind k : values()) {
            if (k.key().equalsIgnoreCase(value.trim())) {
                return k;
            }
        }
        return null;
    }
}
