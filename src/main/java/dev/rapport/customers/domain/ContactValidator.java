package dev.rapport.customers.domain;

import dev.rapport.customers.ContactInput;
import dev.rapport.platform.InvalidInputException;
import org.springframework.stereotype.Component;

/** Checks and normalizes contact input. The company must already be checked as visible by the caller. */
@Component
public class ContactValidator {

    private final Normalizer normalizer;
    private final CustomValueParser customValues;

    public ContactValidator(Normalizer normalizer, CustomValueParser customValues) {
        this.normalizer = normalizer;
        this.customValues = customValues;
    }

    public ValidContact validate(ContactInput in, String companyName, Long companyOwner, ValidationContext ctx,
                                 InvalidInputException.Collector errors) {
        String name = CustomerValidator.trim(in.name());
        if (name == null) {
            errors.reject("name", "error.required");
        } else if (name.length() > 200) {
            errors.reject("name", "error.tooLong", 200);
        }
        String phone = CustomerValidator.trim(in.phone());
        String phoneN = null;
        if (phone != null) {
            phoneN = normalizer.phones().normalize(phone).orElse(null);
            if (phoneN == null) {
                errors.reject("phone", "error.phone.invalid");
            }
        }
        String email = Normalizer.email(in.email());
        if (email != null && (!CustomerValidator.EMAIL.matcher(email).matches() || email.length() > 254)) {
            errors.reject("email", "error.email.invalid");
        }
        String title = CustomerValidator.trim(in.title());
        if (title != null && title.length() > 100) {
            errors.reject("title", "error.tooLong", 100);
        }
        // the columns' sizes: a longer value would fail the insert, and with it an import's whole batch
        CustomerValidator.checkLength(errors, "phone", in.phone(), 50);
        CustomerValidator.checkLength(errors, "externalId", in.externalId(), 100);
        CustomerValidator.checkLength(errors, "notes", in.notes(), 4000);
        long owner = in.ownerId() != null ? in.ownerId() : companyOwner != null ? companyOwner : ctx.defaultOwnerId();
        if (!ctx.activeUserIds().contains(owner)) {
            errors.reject("ownerId", "error.owner.invalid");
        }
        var custom = customValues.parse(in.customFields(), ctx.customFields(), "contact", errors);
        if (errors.hasErrors()) {
            return null;
        }
        return new ValidContact(in.customerId(), name, title, phone, phoneN, in.email() == null ? null : in.email().trim(), email,
                in.birthday(), owner, CustomerValidator.trim(in.externalId()), CustomerValidator.trim(in.notes()),
                normalizer.searchText(name, true, phoneN, email, companyName), custom);
    }
}
