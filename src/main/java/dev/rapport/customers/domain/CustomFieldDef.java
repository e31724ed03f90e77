package dev.rapport.customers.domain;

import java.util.List;

/** An admin-defined field on customers or contacts. */
public record CustomFieldDef(long id, String entityType, String key, String label, FieldType type, List<String> options,
                             int position, long version) {

    public enum FieldType { TEXT, NUMBER, DATE, BOOLEAN, SELECT, MULTISELECT }

    /** The column that holds this field's value in custom_field_values. */
    public String valueColumn() {
        return switch (type) {
            case NUMBER -> "value_number";
            case DATE -> "value_date";
            default -> "value_text";
        };
    }
}
