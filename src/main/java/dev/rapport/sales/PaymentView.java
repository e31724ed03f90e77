package dev.rapport.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

public record PaymentView(long id, long customerId, Long orderId, Long contractId, LocalDate receivedOn, BigDecimal amount,
                          String currency, String method, String reference, long ownerId, Instant createdAt) {
}
