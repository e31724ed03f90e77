package dev.rapport.sales;

import java.math.BigDecimal;

/** From {@code minQuantity} on, a product costs {@code unitPrice} in its price book. */
public record PriceTier(long productId, BigDecimal minQuantity, BigDecimal unitPrice) {
}
