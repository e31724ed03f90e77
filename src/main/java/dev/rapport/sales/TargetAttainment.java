package dev.rapport.sales;

import java.math.BigDecimal;

/**
 * How far a target is reached: deals won in the period by the rep (or anyone in the department's
 * subtree). {@code wonAmount} sums only won deals in the target's currency; {@code wonCount} counts
 * every won deal. Percentages are rounded to one decimal; null when the target is zero.
 */
public record TargetAttainment(TargetView target, BigDecimal wonAmount, int wonCount, BigDecimal amountPercent,
                               BigDecimal countPercent) {
}
