package dev.rapport.sales;

import dev.rapport.platform.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Filters of the lead list, from query parameters: status (comma list), source, owner, createdFrom, createdTo, q. */
public record LeadFilter(List<String> statuses, String source, Long ownerId, LocalDate createdFrom, LocalDate createdTo, String q) {

    public static LeadFilter from(Map<String, String> params) {
        var errors = new InvalidInputException.Collector();
        List<String> statuses = List.of();
        String status = params.get("status");
        if (status != null && !status.isBlank()) {
            statuses = Arrays.stream(status.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            if (statuses.stream().anyMatch(s -> LeadStatus.parse(s) == null)) {
                errors.reject("status", "error.lead.status");
            }
            statuses = statuses.stream().map(s -> LeadStatus.parse(s) == null ? s : LeadStatus.parse(s).key()).toList();
        }
        Long owner = null;
        String o = params.get("owner");
        if (o != null && !o.isBlank()) {
            try {
                owner = Long.valueOf(o.trim());
            } catch (NumberFormatException e) {
                errors.reject("owner", "error.value.invalid");
            }
        }
        LocalDate from = date(params.get("createdFrom"), "createdFrom", errors);
        LocalDate to = date(params.get("createdTo"), "createdTo", errors);
        errors.throwIfAny();
        return new LeadFilter(statuses, blank(params.get("source")), owner, from, to, blank(params.get("q")));
    }

    /** The filter as query parameters, for links to the next page. */
    public Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        if (!statuses.isEmpty()) {
            p.put("status", String.join(",", statuses));
        }
        put(p, "source", source);
        put(p, "owner", ownerId == null ? null : ownerId.toString());
        put(p, "createdFrom", createdFrom == null ? null : createdFrom.toString());
        put(p, "createdTo", createdTo == null ? null : createdTo.toString());
        put(p, "q", q);
        return p;
    }

    private static void put(Map<String, String> p, String k, String v) {
        if (v != null) {
            p.put(k, v);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static LocalDate date(String s, String field, InvalidInputException.Collector errors) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            errors.reject(field, "error.value.invalid");
            return null;
        }
    }
}
