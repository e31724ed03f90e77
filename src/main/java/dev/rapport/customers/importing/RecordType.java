package dev.rapport.customers.importing;

import java.util.List;
import java.util.Locale;

/** What an import creates: customers or contacts, each with the fields a column can map to. */
public enum RecordType {
    CUSTOMERS("customer", List.of("name", "firstName", "lastName", "type", "phone", "email", "creditCode", "province", "city",
            "district", "street", "industry", "source", "tags", "birthday", "status", "tier", "owner", "externalId", "notes",
            "recordId")),
    CONTACTS("contact", List.of("name", "firstName", "lastName", "company", "title", "phone", "email", "birthday", "owner",
            "externalId", "notes", "recordId"));

    private final String entity;
    private final List<String> fields;

    RecordType(String entity, List<String> fields) {
        this.entity = entity;
        this.fields = fields;
    }

    /** The record type as permissions, audit and custom fields name it: customer or contact. */
    public String entity() {
        return entity;
    }

    /** The standard fields a column can be mapped to; custom fields are {@code cf.<key>}. */
    public List<String> fields() {
        return fields;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RecordType parse(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "customers", "customer" -> CUSTOMERS;
            case "contacts", "contact" -> CONTACTS;
            default -> null;
        };
    }
}
