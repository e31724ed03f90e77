package dev.rapport.sales;

import java.time.Instant;

/**
 * An approval request (审批) on any record type: what is asked ({@code recordLabel}, {@code reason}),
 * whose record it is, who asked, and — once decided — who decided what, when and why.
 */
public record ApprovalView(long id, String recordType, long recordId, String recordLabel, String reason, long ownerId,
                           String ownerName, long requestedBy, String requestedByName, String status, Long decidedBy,
                           String decidedByName, Instant decidedAt, String comment, long version, Instant createdAt) {
}
