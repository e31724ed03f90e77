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
}
