package dev.rapport.sales;

import dev.rapport.platform.InvalidInputException;
import java.time.LocalDate;
import java.util.List;

/** The periods a target may cover; each starts on an aligned first day. */
public enum TargetPeriod {
    MONTH, QUARTER, YEAR;

    public static final List<String> KEYS = List.of("month", "quarter", "year");

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static TargetPeriod of(String key) {
        return key == null ? null : switch (key.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "month" -> MONTH;
            case "quarter" -> QUARTER;
            case "year" -> YEAR;
            default -> null;
        };
    }

    /** Whether the day starts a period of this kind: the 1st; of Jan/Apr/Jul/Oct; of January. */
    public boolean aligned(LocalDate start) {
        return start.getDayOfMonth() == 1 && switch (this) {
            case MONTH -> true;
            case QUARTER -> (start.getMonthValue() - 1) % 3 == 0;
            case YEAR -> start.getMonthValue() == 1;
        };
    }

    /** The first day after the period. */
    public LocalDate end(LocalDate start) {
        return switch (this) {
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }

    static TargetPeriod require(String key, InvalidInputException.Collector errors) {
        TargetPeriod p = of(key);
        if (p == null) {
            errors.reject("periodType", "error.target.periodType");
        }
        return p;
    }
}
