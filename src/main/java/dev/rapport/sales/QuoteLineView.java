package dev.rapport.sales;

import java.math.BigDecimal;

/** A stored quote line with its computed amounts (net after the line discount, tax, total). */
public record QuoteLineView(long id, int position, Long productId, String description, String unit, BigDecimal quantity,
                            BigDecimal unitPrice, boolean priceOverridden, BigDecimal discountPercent, BigDecimal taxRate,
                            BigDecimal netAmount, BigDecimal taxAmount, BigDecimal lineTotal) {
}
