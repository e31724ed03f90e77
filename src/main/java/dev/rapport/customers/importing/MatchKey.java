package dev.rapport.customers.importing;

import java.util.Locale;

/** A normalized value that identifies a record across files: e-mail, phone (E.164), credit code, external id. */
public enum MatchKey {
    EMAIL("email", "email_normalized"),
    PHONE("phone", "phone_normalized"),
    CREDIT_CODE("creditCode", "credit_code"),
    EXTERNAL_ID("externalId", "external_id");

    private final String key;
    private final String column;

    MatchKey(String key, String column) {
        this.key = key;
        this.column = column;
    }

    public String key() {
        return key;
    }

    /** The indexed column holding the normalized value (a fixed name, never user text). */
    String column() {
        return column;
    }

    /** Null for blank text (no key given), or a value that is not a key. */
    public static MatchKey parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        for (MatchKey k : values()) {
            if (k.key.toLowerCase(Locale.ROOT).equals(t)) {
                return k;
            }
        }
        return null;
    }
}
