package dev.rapport.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A customer's open money in one currency, for the receivables list: receivable (应收) = all that is
 * still owed, overdue = the part past due; days overdue counts from the oldest unpaid due day (zero
 * when nothing is overdue).
 */
public record ReceivableRow(long customerId, String customerName, String currency, BigDecimal receivable, BigDecimal overdue,
                            LocalDate oldestDueOn, long daysOverdue) {
}
