package dev.rapport.sales;

import java.math.BigDecimal;
import java.time.Instant;

/** One move of an opportunity between stages, with the amount it had then. {@code fromStageId} is null for the first stage. */
public record OpportunityStageChange(Long fromStageId, long toStageId, BigDecimal amount, String currency, Long changedBy,
                                     String changedByName, Instant changedAt) {
}
