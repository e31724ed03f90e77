package dev.rapport.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An instalment with what was paid on it; overdue = past due and not fully paid, on the given day. */
public record InstalmentView(long id, int position, LocalDate dueOn, BigDecimal amount, BigDecimal paid,
                             BigDecimal open, boolean overdue) {
}
