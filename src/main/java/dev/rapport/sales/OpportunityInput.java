package dev.rapport.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a user enters for an opportunity. {@code pipelineId} null means the default pipeline,
 * {@code stageId} null its first open stage, {@code ownerId} null the user, {@code currency} null
 * CNY. {@code leadId} is set by lead conversion. Lead conversion calls
 * {@link OpportunityManagement#create} with exactly this record, so its shape is kept stable.
 */
public record OpportunityInput(String name, Long customerId, Long contactId, Long pipelineId, Long stageId, BigDecimal amount,
                               String currency, LocalDate expectedCloseDate, Long ownerId, String competitors, Long leadId) {
}
