package dev.rapport.sales;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A customer's credit terms (信用条件): days to pay after an order, and the most they may owe
 * (null = no limit). {@code version} 0 with {@code stored} false = the defaults, never saved.
 */
public record CreditTerms(long customerId, int paymentTermDays, BigDecimal creditLimit, String currency, boolean stored,
                          long version, Instant updatedAt) {
}
