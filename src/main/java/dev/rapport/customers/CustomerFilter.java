package dev.rapport.customers;

import dev.rapport.platform.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A list filter, read from query parameters shared by the pages, the API and exports:
 * {@code type, status (comma list), tier, industry, source, province, city, owner, tag,
 * createdFrom, createdTo, q, cf.<key>, cf.<key>.min, cf.<key>.max, sort}.
 */
public record CustomerFilter(String type, List<String> statuses, String tier, String industry, String source,
                             String province, String city, Long ownerId, String tag, LocalDate createdFrom,
                             LocalDate createdTo, String q, Map<String, String> custom, String sort) {

    public static final Set<String> SORTS = Set.of("-id", "id", "name", "-name", "updated", "-updated");
    public static final List<String> PARAMS = List.of("type", "status", "tier", "industry", "source", "province", "city",
            "owner", "tag", "createdFrom", "createdTo", "q", "sort");

    public static CustomerFilter empty() {
        return new CustomerFilter(null, List.of(), null, null, null, null, null, null, null, null, null, null, Map.of(), "-id");
    }

    public static CustomerFilter from(Map<String, String> params) {
        var errors = new InvalidInputException.Collector();
        String sort = blankToNull(params.get("sort"));
        if (sort != null && !SORTS.contains(sort)) {
            errors.reject("sort", "error.sort.invalid", String.join(", ", SORTS));
        }
        Long owner = null;
        String ownerText = blankToNull(params.get("owner"));
        if (ownerText != null) {
            try {
                owner = Long.parseLong(ownerText);
            } catch (NumberFormatException e) {
                errors.reject("owner", "error.value.invalid");
            }
        }
        List<String> statuses = new ArrayList<>();
        String statusText = blankToNull(params.get("status"));
        if (statusText != null) {
            for (String s : statusText.split(",")) {
                CustomerStatus st = CustomerStatus.parse(s);
                if (st == null) {
                    errors.reject("status", "error.status.unknown");
                } else {
                    statuses.add(st.key());
                }
            }
        }
        String type = blankToNull(params.get("type"));
        if (type != null && CustomerType.parse(type) == null) {
            errors.reject("type", "error.customer.type");
        }
        String tier = blankToNull(params.get("tier"));
        if (tier != null && Tier.parse(tier) == null) {
            errors.reject("tier", "error.tier.unknown");
        }
        LocalDate from = date(params.get("createdFrom"), "createdFrom", errors);
        LocalDate to = date(params.get("createdTo"), "createdTo", errors);
        Map<String, String> custom = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("cf.") && v != null && !v.isBlank()) {
                custom.put(k.substring(3), v.trim());
            }
        });
        errors.throwIfAny();
        return new CustomerFilter(type == null ? null : CustomerType.parse(type).key(), statuses,
                tier == null ? null : Tier.parse(tier).key(), blankToNull(params.get("industry")),
                blankToNull(params.get("source")), blankToNull(params.get("province")), blankToNull(params.get("city")),
                owner, blankToNull(params.get("tag")), from, to, blankToNull(params.get("q")), custom,
                sort == null ? "-id" : sort);
    }

    private static LocalDate date(String text, String field, InvalidInputException.Collector errors) {
        String t = blankToNull(text);
        if (t == null) {
            return null;
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            errors.reject(field, "error.date.invalid");
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The filter as query parameters, to keep it across pages, exports and saved views. */
    public Map<String, String> toParams() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "type", type);
        put(p, "status", statuses.isEmpty() ? null : String.join(",", statuses));
        put(p, "tier", tier);
        put(p, "industry", industry);
        put(p, "source", source);
        put(p, "province", province);
        put(p, "city", city);
        put(p, "owner", ownerId == null ? null : ownerId.toString());
        put(p, "tag", tag);
        put(p, "createdFrom", createdFrom == null ? null : createdFrom.toString());
        put(p, "createdTo", createdTo == null ? null : createdTo.toString());
        put(p, "q", q);
        custom.forEach((k, v) -> p.put("cf." + k, v));
        if (!"-id".equals(sort)) {
            p.put("sort", sort);
        }
        return p;
    }

    private static void put(Map<String, String> p, String k, String v) {
        if (v != null) {
            p.put(k, v);
        }
    }
}
