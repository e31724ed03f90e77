package dev.rapport.customers.importing;

import java.util.List;

/**
 * One data row of an uploaded file: its line (or card) number as the user sees it, the cell values
 * in header order and a raw text form for the error report.
 */
public record SourceRow(long line, List<String> values, String raw) {

    /** The value of a column, or null when the row is shorter than the header. */
    public String value(int column) {
        return column < values.size() ? values.get(column) : null;
    }

    /** A row with nothing in it ends the data (Salesforce reports put a footer after a blank row). */
    static boolean isBlank(List<String> values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
