package dev.rapport.sales;

import java.time.LocalDate;
import java.math.BigDecimal;
import java.util.List;

/**
 * A quote's header and lines as typed. Without a price book the default active one is taken; the
 * currency is the price book's. {@code ownerId} null means the current user.
 */
public record QuoteInput(Long customerId, Long contactId, Long opportunityId, Long priceBookId, LocalDate validUntil,
                         BigDecimal discountPercent, String terms, Long ownerId, List<QuoteLineInput> lines) {
}
