package dev.rapport.sales;

import java.math.BigDecimal;
import java.time.Instant;

/** An opportunity was moved into a won stage (赢单). Published in the transaction of the move. */
public record OpportunityWon(long opportunityId, long customerId, long ownerId, BigDecimal amount, String currency,
                             Instant closedAt) {
}
