package dev.rapport.sales;

import java.util.List;

/**
 * A customer's purchases and credit at a glance (the customer page's purchases section and
 * {@code /api/v1/customers/{id}/receivables}): order count, buyer label, what they owe per
 * currency, their credit terms and the risk flag with its reasons.
 */
public record ReceivableOverview(long customerId, long orders, long orderYears, String buyerLabel,
                                 List<ReceivableSummary> amounts, CreditTerms terms, CreditRisk risk) {
}
