package dev.rapport.sales;

import java.math.BigDecimal;
import java.time.Instant;

/** An opportunity was moved into a lost stage (输单), with the reason given. Published in the transaction of the move. */
public record OpportunityLost(long opportunityId, long customerId, long ownerId, BigDecimal amount, String currency,
                              Instant closedAt, String lossReason) {
}
