package dev.rapport.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A quote as users and the API see it. {@code subtotal} is the sum of the lines after their own
 * discounts, {@code discountAmount} the quote-level discount on it, {@code taxAmount} the tax on the
 * discounted amounts and {@code total} what the customer pays, all rounded to the currency's minor unit.
 * {@code needsApproval} tells whether the discount is above the approval threshold.
 */
public record QuoteView(long id, String number, String baseNumber, int revision, long customerId, String customerName,
                        Long contactId, Long opportunityId, Long priceBookId, String currency, LocalDate validUntil,
                        BigDecimal discountPercent, BigDecimal subtotal, BigDecimal discountAmount, BigDecimal taxAmount,
                        BigDecimal total, String status, String terms, long ownerId, String ownerName, String sentTo,
                        Instant sentAt, Long supersededBy, boolean needsApproval, long version, Instant createdAt,
                        Instant updatedAt, List<QuoteLineView> lines) {
}
