package dev.rapport.customers.importing;

import dev.rapport.customers.ContactInput;
import dev.rapport.customers.CustomerInput;
import dev.rapport.customers.domain.CustomFieldDef;
import dev.rapport.customers.domain.CustomValue;
import dev.rapport.customers.domain.CustomerValidator;
import dev.rapport.customers.domain.StoredContact;
import dev.rapport.customers.domain.StoredCustomer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Update mode changes only what the file has: a blank or unmapped cell keeps the stored value,
 * so importing a file with just e-mail and phone does not erase the rest of a record.
 */
final class StoredValues {

    private StoredValues() {
    }

    static CustomerInput overlay(StoredCustomer old, Map<String, String> oldCustom, CustomerInput in) {
        Map<String, String> custom = new HashMap<>(oldCustom);
        if (in.customFields() != null) {
            custom.putAll(in.customFields());
        }
        return new CustomerInput(or(in.type(), old.type()), or(in.name(), old.name()), or(in.phone(), old.phone()),
                or(in.email(), old.email()), or(in.creditCode(), old.creditCode()), or(in.province(), old.province()),
                or(in.city(), old.city()), or(in.district(), old.district()), or(in.street(), old.street()),
                or(in.industry(), old.industry()), or(in.source(), old.source()),
                in.tags() != null ? in.tags() : CustomerValidator.tagList(old.tags()),
                in.birthday() != null ? in.birthday() : old.birthday(), or(in.status(), old.status()), or(in.tier(), old.tier()),
                in.ownerId() != null ? in.ownerId() : old.ownerId(), or(in.externalId(), old.externalId()),
                or(in.notes(), old.notes()), custom);
    }

    static ContactInput overlay(StoredContact old, Map<String, String> oldCustom, ContactInput in) {
        Map<String, String> custom = new HashMap<>(oldCustom);
        if (in.customFields() != null) {
            custom.putAll(in.customFields());
        }
        return new ContactInput(in.customerId() != null ? in.customerId() : old.customerId(), or(in.name(), old.name()),
                or(in.title(), old.title()), or(in.phone(), old.phone()), or(in.email(), old.email()),
                in.birthday() != null ? in.birthday() : old.birthday(), in.ownerId() != null ? in.ownerId() : old.ownerId(),
                or(in.externalId(), old.externalId()), or(in.notes(), old.notes()), custom);
    }

    /** Stored custom values as the text a user would type, keyed by field key. */
    static Map<String, String> asText(Map<Long, CustomValue> values, List<CustomFieldDef> defs) {
        Map<String, String> out = new HashMap<>();
        for (CustomFieldDef d : defs) {
            CustomValue v = values.get(d.id());
            if (v != null) {
                out.put(d.key(), d.type() == CustomFieldDef.FieldType.MULTISELECT
                        ? String.join(",", CustomerValidator.tagList(v.text())) : String.valueOf(v.display()));
            }
        }
        return out;
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }
}
