package dev.rapport.sales;

import dev.rapport.platform.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Filters of the opportunity list, board and API, parsed from request parameters. Each maps to a
 * fixed SQL condition; {@code sort} is one of {@link #SORTS}.
 */
public record OpportunityFilter(Long pipelineId, Long stageId, String status, Long ownerId, LocalDate closeFrom,
                                LocalDate closeTo, BigDecimal amountMin, BigDecimal amountMax, String q, String sort) {

    public static final List<String> SORTS = List.of("-id", "id", "-amount", "amount", "-updated", "updated");

    public static OpportunityFilter empty() {
        return new OpportunityFilter(null, null, null, null, null, null, null, null, null, "-id");
    }

    public static OpportunityFilter from(Map<String, String> p) {
        var errors = new InvalidInputException.Collector();
        String status = blank(p.get("status"));
        if (status != null && StageKind.parse(status) == null) {
            errors.reject("status", "error.opportunity.status");
        }
        String sort = blank(p.get("sort"));
        if (sort != null && !SORTS.contains(sort)) {
            errors.reject("sort", "error.sort.invalid", String.join(", ", SORTS));
        }
        OpportunityFilter f = new OpportunityFilter(number(p, "pipeline", errors), number(p, "stage", errors),
                status == null ? null : status.toLowerCase(java.util.Locale.ROOT), number(p, "owner", errors),
                date(p, "closeFrom", errors), date(p, "closeTo", errors), amount(p, "amountMin", errors),
                amount(p, "amountMax", errors), blank(p.get("q")), sort == null ? "-id" : sort);
        errors.throwIfAny();
        return f;
    }

    public OpportunityFilter withPipeline(Long pipeline) {
        return new OpportunityFilter(pipeline, stageId, status, ownerId, closeFrom, closeTo, amountMin, amountMax, q, sort);
    }

    private static Long number(Map<String, String> p, String key, InvalidInputException.Collector errors) {
        String v = blank(p.get(key));
        try {
            return v == null ? null : Long.valueOf(v);
        } catch (NumberFormatException e) {
            errors.reject(key, "error.number.invalid");
            return null;
        }
    }

    private static BigDecimal amount(Map<String, String> p, String key, InvalidInputException.Collector errors) {
        String v = blank(p.get(key));
        try {
            return v == null ? null : new BigDecimal(v);
        } catch (NumberFormatException e) {
            errors.reject(key, "error.number.invalid");
            return null;
        }
    }

    private static LocalDate date(Map<String, String> p, String key, InvalidInputException.Collector errors) {
        String v = blank(p.get(key));
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.reject(key, "error.date.invalid");
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
