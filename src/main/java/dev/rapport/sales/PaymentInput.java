package dev.rapport.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A payment received (回款) on an order or a contract (exactly one of the two). It is allocated to
 * {@code instalmentId} first when given, the rest to the oldest open instalments.
 */
public record PaymentInput(Long orderId, Long contractId, Long instalmentId, LocalDate receivedOn, BigDecimal amount,
                           String method, String reference) {
}
