package dev.rapport.customers.importing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A data row turned into field → text by the column mapping; blank cells are absent, values are
 * trimmed. {@code line} is its line in the file, {@code raw} its text as the reports show it.
 */
public record MappedRow(long line, String raw, Map<String, String> values) {

    /** Google puts several values in one cell separated by " ::: "; the first is the primary one. */
    private static final String MULTI = " ::: ";

    static MappedRow of(SourceRow row, List<String> fields) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            String v = row.value(i);
            if (field.isEmpty() || v == null || v.isBlank() || values.containsKey(field)) {
                continue;
            }
            String text = v.trim();
            if (!field.equals("tags") && text.contains(MULTI)) {
                text = text.substring(0, text.indexOf(MULTI)).trim();
            }
            values.put(field, text);
        }
        return new MappedRow(row.line(), row.raw(), values);
    }

    public String get(String field) {
        return values.get(field);
    }

    public boolean has(String field) {
        return values.containsKey(field);
    }

    /** Custom-field values by key (without the "cf." prefix). */
    public Map<String, String> custom() {
        Map<String, String> out = new HashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith("cf.")) {
                out.put(k.substring(3), v);
            }
        });
        return out;
    }
}
