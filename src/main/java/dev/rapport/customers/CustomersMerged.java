package dev.rapport.customers;

import java.util.List;

/**
 * Customers were merged into a survivor. Listeners move everything that pointed at a merged
 * customer to the survivor, in the same transaction.
 */
public record CustomersMerged(long survivorId, List<Long> mergedIds, long actorId) {
}
