package dev.rapport.sales;

import java.math.BigDecimal;
import java.util.List;

/**
 * The products (lines) of an opportunity, in its currency, priced from {@code priceBookId}.
 * {@code amount} is the opportunity's amount: the sum of the line totals while there are lines.
 * {@code version} is the opportunity's: the lines are part of it, and saving them changes it.
 */
public record OpportunityProducts(long opportunityId, String currency, Long priceBookId, BigDecimal amount, long version,
                                  List<OpportunityLineView> lines) {
}
