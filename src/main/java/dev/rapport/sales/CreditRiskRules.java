package dev.rapport.sales;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The risk flag's rules, apart from storage so they can be checked on their own: long terms
 * (payment term above the long-term threshold), overdue (anything overdue for longer than the
 * grace days), over the credit limit (receivables in the limit's currency above it).
 */
final class CreditRiskRules {

    private CreditRiskRules() {
    }

    static CreditRisk assess(CreditTerms terms, List<ReceivableSummary> owed, int longTermDays) {
        List<String> reasons = new ArrayList<>();
        if (terms.paymentTermDays() > longTermDays) {
            reasons.add("long-terms");
        }
        if (owed.stream().anyMatch(r -> r.overdueLong().signum() > 0)) {
            reasons.add("overdue");
        }
        if (terms.creditLimit() != null) {
            BigDecimal inLimitCurrency = owed.stream().filter(r -> r.currency().equals(terms.currency()))
                    .map(ReceivableSummary::receivable).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (inLimitCurrency.compareTo(terms.creditLimit()) > 0) {
                reasons.add("over-limit");
            }
        }
        return new CreditRisk(reasons);
    }
}
