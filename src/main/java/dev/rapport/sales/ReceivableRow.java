package dev.rapport.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A customer with overdue money in one currency, for the receivables list; days overdue counts from the oldest due day. */
public record ReceivableRow(long customerId, String customerName, String currency, BigDecimal overdue, LocalDate oldestDueOn,
                            long daysOverdue) {
}
