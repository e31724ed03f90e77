package dev.rapport.customers.importing;

import dev.rapport.customers.ContactInput;
import dev.rapport.customers.CustomerInput;
import dev.rapport.customers.CustomerType;
import dev.rapport.platform.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns mapped text into the same input records the forms and the API produce, so an imported
 * row passes exactly the validation a typed one does. Only what text cannot carry is decided
 * here: dates in the formats exports use, owners given by e-mail, id or name, and names split
 * into first and last.
 */
final class InputBuilder {

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("M/d/yyyy"), DateTimeFormatter.ofPattern("yyyyMMdd"),
            DateTimeFormatter.ofPattern("yyyy年M月d日"));

    /** Owners by lower-case e-mail, by id text and by exact name (only names held by one user). */
    record Owners(Map<String, Long> byEmail, Map<String, Long> byName) {
    }

    private final Owners owners;

    InputBuilder(Owners owners) {
        this.owners = owners;
    }

    CustomerInput customer(MappedRow row, InvalidInputException.Collector errors) {
        String name = row.get("name");
        String type = row.get("type");
        if (name == null && (row.has("firstName") || row.has("lastName"))) {
            name = joinName(row.get("firstName"), row.get("lastName"));
            if (type == null) {
                type = CustomerType.INDIVIDUAL.key();
            }
        }
        return new CustomerInput(type, name, row.get("phone"), row.get("email"), row.get("creditCode"), row.get("province"),
                row.get("city"), row.get("district"), row.get("street"), row.get("industry"), row.get("source"), tags(row.get("tags")),
                date(row.get("birthday"), errors), row.get("status"), row.get("tier"), owner(row.get("owner"), errors),
                row.get("externalId"), row.get("notes"), row.custom());
    }

    /** A contact without its company: the company column is resolved per batch by the caller. */
    ContactInput contact(MappedRow row, Long customerId, InvalidInputException.Collector errors) {
        String name = row.get("name");
        if (name == null && (row.has("firstName") || row.has("lastName"))) {
            name = joinName(row.get("firstName"), row.get("lastName"));
        }
        return new ContactInput(customerId, name, row.get("title"), row.get("phone"), row.get("email"),
                date(row.get("birthday"), errors), owner(row.get("owner"), errors), row.get("externalId"), row.get("notes"),
                row.custom());
    }

    /** Chinese names are written family name first without a space (张 + 三 → 张三). */
    static String joinName(String first, String last) {
        String f = first == null ? "" : first.trim();
        String l = last == null ? "" : last.trim();
        if (dev.rapport.platform.ChineseNames.containsHan(f + l)) {
            return l + f;
        }
        return (f + " " + l).trim();
    }

    static List<String> tags(String text) {
        if (text == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String part : text.split(" ::: |[,;，；]")) {
            String t = part.trim();
            // Google marks its system groups with "* " (e.g. "* myContacts"); they are not the user's tags
            if (!t.isEmpty() && !t.startsWith("* ") && !t.startsWith("*")) {
                out.add(t);
            }
        }
        return out;
    }

    static LocalDate parseDate(String text) {
        String t = text.trim();
        if (t.length() > 10 && t.charAt(4) == '-' && (t.charAt(10) == 'T' || t.charAt(10) == ' ')) {
            t = t.substring(0, 10);
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(t, f);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }

    private static LocalDate date(String text, InvalidInputException.Collector errors) {
        if (text == null || text.startsWith("--") || text.equals("0/0/00")) {
            return null;
        }
        LocalDate d = parseDate(text);
        if (d == null) {
            errors.reject("birthday", "error.date.invalid");
        }
        return d;
    }

    private Long owner(String text, InvalidInputException.Collector errors) {
        if (text == null) {
            return null;
        }
        Long id = ownerOrNull(text);
        if (id == null) {
            errors.reject("ownerId", "error.owner.invalid");
            return -1L;
        }
        return id;
    }

    /** The user an owner cell names by e-mail, unique name or id; null when none (ids are checked by validation). */
    Long ownerOrNull(String text) {
        if (text == null) {
            return null;
        }
        Long id = owners.byEmail().get(text.toLowerCase());
        if (id == null) {
            id = owners.byName().get(text);
        }
        if (id == null && text.chars().allMatch(Character::isDigit) && text.length() < 18) {
            id = Long.parseLong(text);
        }
        return id;
    }
}
