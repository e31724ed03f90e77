package dev.rapport.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

public record ContractView(long id, String number, long customerId, String customerName, String title, LocalDate startDate,
                           LocalDate endDate, BigDecimal amount, BigDecimal paid, String currency, String status,
                           LocalDate signedOn, Long orderId, long ownerId, String ownerName, long version,
                           Instant createdAt, Instant updatedAt) {
}
