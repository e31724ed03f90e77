package dev.rapport.sales;

import dev.rapport.identity.CurrentUser;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * SEAM: how a conversion creates its opportunity (商机). OpportunityManagement is being written on
 * another branch; once it is merged, one small component implements this by calling
 * {@code OpportunityManagement.create(user, new OpportunityInput(name, customerId, contactId, null,
 * null, amount, currency, closeDate, ownerId, null, leadId))} and returning the new id. Until then no
 * bean implements it and a conversion that asks for an opportunity is refused with a field message.
 */
public interface LeadOpportunitySeam {

    long create(CurrentUser user, String name, long customerId, Long contactId, BigDecimal amount, String currency,
                LocalDate expectedCloseDate, long ownerId, long leadId);
}
