package dev.rapport.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How to convert a lead. {@code customerId} picks an existing customer (one of the matches the
 * preview offered); without it a new customer is created, which is refused while customers that
 * look the same exist unless {@code createCustomer} says so. {@code contactId} picks an existing
 * contact of that customer; without it one with the same phone, e-mail or name is reused or a new
 * one created. An opportunity is created only when {@code opportunityName} is given.
 */
public record LeadConversionInput(Long customerId, Boolean createCustomer, Long contactId, String opportunityName,
                                  BigDecimal amount, String currency, LocalDate expectedCloseDate, Long version) {
}
