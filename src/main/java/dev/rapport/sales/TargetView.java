package dev.rapport.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A stored sales target with the subject's name; {@code periodEnd} is the first day after the period. */
public record TargetView(long id, String subjectType, long subjectId, String subjectName, String periodType,
                         LocalDate periodStart, LocalDate periodEnd, BigDecimal amount, String currency, int wonCount,
                         long version) {
}
