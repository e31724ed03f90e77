package dev.rapport.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One instalment (期) of a payment plan: the amount due on a day. {@code id} names an instalment of
 * the current plan to keep (what was paid on it stays allocated to it); null adds a new one.
 */
public record InstalmentInput(Long id, LocalDate dueOn, BigDecimal amount) {

    public InstalmentInput(LocalDate dueOn, BigDecimal amount) {
        this(null, dueOn, amount);
    }
}
