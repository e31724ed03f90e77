package dev.rapport.sales;

import java.math.BigDecimal;

/**
 * A stored product line of an opportunity. {@code lineTotal} = quantity × unit price × (1 − discount),
 * rounded half-up to the currency's minor unit; {@code priceOverridden} is false when the unit
 * price is the price book's tier price.
 */
public record OpportunityLineView(long id, int position, long productId, String sku, String productName, String unit,
                                  BigDecimal quantity, BigDecimal unitPrice, boolean priceOverridden, BigDecimal discountPercent,
                                  BigDecimal lineTotal) {

    /** The line as input again: a tier price stays "from the price book", a typed one stays typed. */
    public OpportunityLineInput toInput() {
        return new OpportunityLineInput(productId, quantity, priceOverridden ? unitPrice : null, discountPercent);
    }
}
