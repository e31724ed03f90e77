package dev.rapport.customers.domain;

import dev.rapport.customers.CustomerStatus;
import dev.rapport.customers.CustomerType;
import dev.rapport.customers.Tier;
import java.time.LocalDate;
import java.util.List;

/** A customer that passed validation, with normalized phone, e-mail and search keys. */
public record ValidCustomer(CustomerType type, String name, String phone, String phoneNormalized, String email,
                            String emailNormalized, String creditCode, String province, String city, String district,
                            String street, String industry, String source, String tags, LocalDate birthday,
                            CustomerStatus status, Tier tier, long ownerId, String externalId, String notes,
                            String searchText, String nameKey, List<CustomValue> customValues) {

    /** The same customer with the owner the assignment rules chose (an active user, so still valid). */
    public ValidCustomer withOwner(long owner) {
        return new ValidCustomer(type, name, phone, phoneNormalized, email, emailNormalized, creditCode, province, city, district,
                street, industry, source, tags, birthday, status, tier, owner, externalId, notes, searchText, nameKey, customValues);
    }
}
