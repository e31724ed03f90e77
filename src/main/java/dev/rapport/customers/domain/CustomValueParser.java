package dev.rapport.customers.domain;

import dev.rapport.platform.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Parses custom-field input by the field's type; unknown keys and bad values are field errors. */
@Component
public class CustomValueParser {

    public List<CustomValue> parse(Map<String, String> input, List<CustomFieldDef> defs, String entityType,
                                   InvalidInputException.Collector errors) {
        List<CustomValue> values = new ArrayList<>();
        if (input == null || input.isEmpty()) {
            return values;
        }
        for (var entry : input.entrySet()) {
            CustomFieldDef def = defs.stream().filter(d -> d.entityType().equals(entityType) && d.key().equals(entry.getKey()))
                    .findFirst().orElse(null);
            String field = "cf." + entry.getKey();
            if (def == null) {
                errors.reject(field, "error.customField.unknown");
                continue;
            }
            String raw = entry.getValue() == null ? null : entry.getValue().trim();
            if (raw == null || raw.isEmpty()) {
                continue;
            }
            switch (def.type()) {
                case NUMBER -> {
                    try {
                        values.add(new CustomValue(def.id(), null, new BigDecimal(raw.replace(",", "")), null));
                    } catch (NumberFormatException e) {
                        errors.reject(field, "error.number.invalid");
                    }
                }
                case DATE -> {
                    try {
                        values.add(new CustomValue(def.id(), null, null, LocalDate.parse(raw)));
                    } catch (DateTimeParseException e) {
                        errors.reject(field, "error.date.invalid");
                    }
                }
                case BOOLEAN -> {
                    String b = raw.toLowerCase(Locale.ROOT);
                    if (List.of("true", "yes", "1", "是", "y").contains(b)) {
                        values.add(new CustomValue(def.id(), "true", null, null));
                    } else if (List.of("false", "no", "0", "否", "n").contains(b)) {
                        values.add(new CustomValue(def.id(), "false", null, null));
                    } else {
                        errors.reject(field, "error.boolean.invalid");
                    }
                }
                case SELECT -> {
                    if (!def.options().contains(raw)) {
                        errors.reject(field, "error.option.invalid", String.join(", ", def.options()));
                    } else {
                        values.add(new CustomValue(def.id(), raw, null, null));
                    }
                }
                case MULTISELECT -> {
                    List<String> picked = new ArrayList<>();
                    for (String p : raw.split("[,;|]")) {
                        String v = p.trim();
                        if (v.isEmpty()) {
                            continue;
                        }
                        if (!def.options().contains(v)) {
                            errors.reject(field, "error.option.invalid", String.join(", ", def.options()));
                        }
                        picked.add(v);
                    }
                    if (!picked.isEmpty()) {
                        values.add(new CustomValue(def.id(), "," + String.join(",", picked) + ",", null, null));
                    }
                }
                default -> {
                    if (raw.length() > 2000) {
                        errors.reject(field, "error.tooLong", 2000);
                    } else {
                        values.add(new CustomValue(def.id(), raw, null, null));
                    }
                }
            }
        }
        return values;
    }
}
