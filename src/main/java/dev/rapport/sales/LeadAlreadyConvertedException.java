package dev.rapport.sales;

/** A lead is converted once; converting it again is refused (409) and names the customer it became. */
public class LeadAlreadyConvertedException extends RuntimeException {

    private final long leadId;
    private final Long customerId;

    public LeadAlreadyConvertedException(long leadId, Long customerId) {
        super("lead " + leadId + " was already converted into customer " + customerId);
        this.leadId = leadId;
        this.customerId = customerId;
    }

    public long leadId() {
        return leadId;
    }

    public Long customerId() {
        return customerId;
    }
}
