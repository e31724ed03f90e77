package dev.rapport.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A contract to create or replace; {@code number} is generated when blank. */
public record ContractInput(Long customerId, String number, String title, LocalDate startDate, LocalDate endDate,
                            BigDecimal amount, String currency, LocalDate signedOn, Long orderId, Long ownerId) {
}
