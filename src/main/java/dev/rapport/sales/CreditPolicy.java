package dev.rapport.sales;

import java.util.Currency;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The company's credit rules, set by environment: the payment term of customers without their own
 * terms, the term beyond which a customer is flagged as risky ({@code RAPPORT_CREDIT_LONG_TERM_DAYS},
 * default 90), how many days an amount may be overdue before the flag goes up
 * ({@code RAPPORT_CREDIT_OVERDUE_DAYS}, default 30), and the default currency.
 */
@Component
public class CreditPolicy {

    private final int defaultTermDays;
    private final int longTermDays;
    private final int overdueDays;
    private final String defaultCurrency;

    CreditPolicy(@Value("${rapport.credit.default-term-days:30}") int defaultTermDays,
                 @Value("${rapport.credit.long-term-days:90}") int longTermDays,
                 @Value("${rapport.credit.overdue-days:30}") int overdueDays,
                 @Value("${rapport.currency:CNY}") String defaultCurrency) {
        this.defaultTermDays = defaultTermDays;
        this.longTermDays = longTermDays;
        this.overdueDays = overdueDays;
        this.defaultCurrency = defaultCurrency;
    }

    public int defaultTermDays() {
        return defaultTermDays;
    }

    public int longTermDays() {
        return longTermDays;
    }

    public int overdueDays() {
        return overdueDays;
    }

    public String defaultCurrency() {
        return defaultCurrency;
    }

    /** The ISO 4217 code in upper case, the default when blank, or null when unknown. */
    public String currency(String code) {
        if (code == null || code.isBlank()) {
            return defaultCurrency;
        }
        try {
            return Currency.getInstance(code.trim().toUpperCase()).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
