package dev.rapport.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a customer owes in one currency on a day: receivable (应收) = confirmed orders and active
 * contracts minus payments; overdue = the part of it past its due date; {@code overdueLong} = the part
 * overdue for more than the configured days (what raises the risk flag); {@code oldestDueOn} = the
 * earliest unpaid due date; {@code daysSalesOutstanding} = receivable ÷ average daily sales of the
 * last 90 days (null without sales in that window).
 */
public record ReceivableSummary(long customerId, String currency, BigDecimal receivable, BigDecimal overdue,
                                BigDecimal overdueLong, LocalDate oldestDueOn, Integer daysSalesOutstanding) {
}
