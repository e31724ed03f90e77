package dev.rapport.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One instalment (期) of a payment plan: the amount due on a day. */
public record InstalmentInput(LocalDate dueOn, BigDecimal amount) {
}
