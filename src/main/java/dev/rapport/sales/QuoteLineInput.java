package dev.rapport.sales;

import java.math.BigDecimal;

/**
 * One line as typed: a product (its name, unit and price come from it and the price book) or free
 * text. A null {@code unitPrice} on a product line means "the price book's tier price for this
 * quantity"; a given one overrides it. Percentages are 0–100.
 */
public record QuoteLineInput(Long productId, String description, BigDecimal quantity, BigDecimal unitPrice,
                             BigDecimal discountPercent, BigDecimal taxRate) {
}
