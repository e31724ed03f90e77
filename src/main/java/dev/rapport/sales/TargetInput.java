package dev.rapport.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A sales target (销售目标) as set: {@code subjectType} is {@code user} or {@code department},
 * {@code periodType} {@code month}, {@code quarter} or {@code year}, and {@code periodStart} the first
 * day of that period. A blank currency means CNY.
 */
public record TargetInput(String subjectType, Long subjectId, String periodType, LocalDate periodStart,
                          BigDecimal amount, String currency, Integer wonCount) {
}
