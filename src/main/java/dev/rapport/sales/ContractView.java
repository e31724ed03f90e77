package dev.rapport.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A contract as its readers see it; {@code orderId} = paid through that order, {@code quoteId} = made from that quote. */
public record ContractView(long id, String number, long customerId, String customerName, String title, LocalDate startDate,
                           LocalDate endDate, BigDecimal amount, BigDecimal paid, String currency, String status,
                           LocalDate signedOn, Long orderId, Long quoteId, long ownerId, String ownerName, long version,
                           Instant createdAt, Instant updatedAt) {
}
