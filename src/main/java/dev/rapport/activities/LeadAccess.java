package dev.rapport.activities;

import dev.rapport.identity.CurrentUser;

/**
 * Who may see a lead's activities, answered by the module that owns leads (sales implements it).
 * Activities sit below sales, so they ask through this interface instead of depending on sales.
 */
public interface LeadAccess {

    /**
     * Throws {@link dev.rapport.platform.NotFoundException} unless the user may see the lead;
     * answers the customer it was converted into, or null while it is not converted.
     */
    Long requireVisible(CurrentUser user, long leadId);

    /**
     * A contact with the lead (a call, visit, note; not a planned task) happened at {@code at}: it
     * restarts the public pool's follow-up clock of the lead. Called in the activity's transaction.
     */
    default void recordFollowUp(long leadId, java.time.Instant at) {
    }
}
