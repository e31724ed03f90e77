package dev.rapport.sales;

import dev.rapport.platform.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The days [from, to) a performance review covers, dates in the company time zone: a month,
 * quarter or year (the one holding {@code start}), or any range of at most three years.
 * {@code type} is month, quarter, year or custom.
 */
public record PerformancePeriod(String type, LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 3 * 366;

    /**
     * From request parameters: {@code from} and {@code to} (ISO dates, {@code to} exclusive) when
     * either is given, else {@code period} (default month) holding {@code start} (default today).
     */
    public static PerformancePeriod parse(String period, String start, String from, String to, LocalDate today) {
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (notBlank(from) || notBlank(to)) {
            LocalDate f = date(from, "from", errors);
            LocalDate t = date(to, "to", errors);
            errors.throwIfAny();
            if (!t.isAfter(f)) {
                errors.reject("to", "error.performance.range");
            } else if (ChronoUnit.DAYS.between(f, t) > MAX_DAYS) {
                errors.reject("to", "error.performance.tooLong", MAX_DAYS);
            }
            errors.throwIfAny();
            return new PerformancePeriod("custom", f, t);
        }
        TargetPeriod p = notBlank(period) ? TargetPeriod.of(period) : TargetPeriod.MONTH;
        if (p == null) {
            errors.reject("period", "error.performance.period");
        }
        LocalDate day = notBlank(start) ? date(start, "start", errors) : today;
        errors.throwIfAny();
        LocalDate first = align(p, day);
        return new PerformancePeriod(p.key(), first, p.end(first));
    }

    /** The start of the period of this kind that holds the day. */
    public static LocalDate align(TargetPeriod p, LocalDate day) {
        return switch (p) {
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** The same kind of period just before (custom: as many days before). */
    public PerformancePeriod previous() {
        TargetPeriod p = TargetPeriod.of(type);
        if (p == null) {
            long days = ChronoUnit.DAYS.between(from, to);
            return new PerformancePeriod(type, from.minusDays(days), from);
        }
        LocalDate first = align(p, from.minusDays(1));
        return new PerformancePeriod(type, first, p.end(first));
    }

    /** The same kind of period just after. */
    public PerformancePeriod next() {
        TargetPeriod p = TargetPeriod.of(type);
        if (p == null) {
            return new PerformancePeriod(type, to, to.plusDays(ChronoUnit.DAYS.between(from, to)));
        }
        return new PerformancePeriod(type, to, p.end(to));
    }

    private static LocalDate date(String text, String field, InvalidInputException.Collector errors) {
        if (!notBlank(text)) {
            errors.reject(field, "error.required");
            return null;
        }
        try {
            return LocalDate.parse(text.trim().toLowerCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            errors.reject(field, "error.performance.date");
            return null;
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
