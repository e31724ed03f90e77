package dev.rapport.sales;

import java.math.BigDecimal;

/**
 * One line of an order as entered or handed over from an accepted quote: the product is optional
 * (free-text lines are allowed), discount and tax rate are percentages (12.5 = 12.5 %), null = 0.
 */
public record OrderLineInput(Long productId, String description, BigDecimal quantity, BigDecimal unitPrice,
                             BigDecimal discount, BigDecimal taxRate) {
}
