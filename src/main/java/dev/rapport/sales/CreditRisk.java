package dev.rapport.sales;

import java.util.List;

/**
 * The risk flag (风险) of a customer and why: {@code long-terms} (payment term longer than the
 * configured days), {@code overdue} (money overdue for more than the configured days),
 * {@code over-limit} (receivables above the credit limit).
 */
public record CreditRisk(List<String> reasons) {

    public boolean flagged() {
        return !reasons.isEmpty();
    }
}
