package dev.rapport.sales;

import java.math.BigDecimal;

/** A customer accepted a quote: the start of an order (订单). Published after the status change is stored. */
public record QuoteAccepted(long quoteId, String number, long customerId, long ownerId, String currency, BigDecimal total) {
}
