package dev.rapport.sales;

import java.math.BigDecimal;

/**
 * One product line of an opportunity as typed. A null {@code unitPrice} means "the price book's
 * tier price for this quantity" (re-read whenever the lines are saved, so a changed quantity moves
 * to its tier); a given one is kept as typed. {@code discountPercent} is 0–100, null 0.
 */
public record OpportunityLineInput(Long productId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent) {
}
