package dev.rapport.sales;

import java.math.BigDecimal;

public record OrderLineView(long id, int position, Long productId, String description, BigDecimal quantity,
                            BigDecimal unitPrice, BigDecimal discount, BigDecimal taxRate, BigDecimal lineTotal) {
}
