package dev.rapport.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An order as its readers see it; {@code receivable} = total − paid (zero unless confirmed or fulfilled). */
public record OrderView(long id, String number, long customerId, String customerName, Long contactId, LocalDate orderDate,
                        String currency, BigDecimal subtotal, BigDecimal discountTotal, BigDecimal taxTotal,
                        BigDecimal total, BigDecimal paid, BigDecimal receivable, String status, long ownerId,
                        String ownerName, Long quoteId, Long opportunityId, String notes, boolean imported,
                        List<OrderLineView> lines, long version, Instant createdAt, Instant updatedAt) {
}
