package dev.rapport.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An order to create or replace. Either {@code lines} (the totals are computed from them) or, for
 * history without line detail, {@code total} alone. {@code number} is generated when blank.
 * {@code quoteId} and {@code opportunityId} are plain references to where the order came from.
 */
public record OrderInput(Long customerId, Long contactId, String number, LocalDate orderDate, String currency,
                         List<OrderLineInput> lines, BigDecimal total, Long ownerId, Long quoteId, Long opportunityId,
                         String notes) {
}
