package dev.rapport.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An opportunity as the user sees it, with the names of its customer, stage and owner.
 * {@code status} is open, won or lost and follows the kind of the stage it sits in.
 */
public record OpportunityDetails(long id, String name, long customerId, String customerName, Long contactId, long pipelineId,
                                 long stageId, String stageName, String stageKind, int probability, BigDecimal amount,
                                 String currency, LocalDate expectedCloseDate, long ownerId, String ownerName,
                                 String competitors, String lossReason, String status, Instant closedAt, Long leadId,
                                 long version, Instant createdAt, Instant updatedAt) {

    public boolean isOpen() {
        return "open".equals(status);
    }

    OpportunityDetails named(String customer, String owner) {
        return new OpportunityDetails(id, name, customerId, customer, contactId, pipelineId, stageId, stageName, stageKind,
                probability, amount, currency, expectedCloseDate, ownerId, owner, competitors, lossReason, status, closedAt,
                leadId, version, createdAt, updatedAt);
    }
}
