package dev.rapport.sales.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An order row as stored. */
public record StoredOrder(long id, String number, long customerId, Long contactId, LocalDate orderDate, String currency,
                          BigDecimal subtotal, BigDecimal discountTotal, BigDecimal taxTotal, BigDecimal total,
                          BigDecimal paid, String status, long ownerId, Long quoteId, Long opportunityId, String notes,
                          boolean imported, long version, Instant createdAt, Instant updatedAt) {
}
