package dev.rapport.customers.importing;

import java.util.Locale;

/**
 * What happens to a row that matches an existing record (or an earlier row of the same file):
 * UPDATE changes the record; CREATE and SKIP (the same, SKIP kept for API callers that name it)
 * skip the row and list it with the record or line it matches. Rows that match nothing are
 * created in every mode, so a re-run never duplicates.
 */
public enum ImportMode {
    CREATE, UPDATE, SKIP;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ImportMode parse(String text) {
        if (text == null || text.isBlank()) {
            return CREATE;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "create" -> CREATE;
            case "update" -> UPDATE;
            case "skip" -> SKIP;
            default -> null;
        };
    }
}
