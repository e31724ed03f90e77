package dev.rapport.customers.domain;

import dev.rapport.customers.CustomerInput;
import dev.rapport.customers.CustomerStatus;
import dev.rapport.customers.CustomerType;
import dev.rapport.customers.Tier;
import dev.rapport.platform.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Checks and normalizes customer input; every problem is reported, nothing is written. */
@Component
public class CustomerValidator {

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final Normalizer normalizer;
    private final CustomValueParser customValues;

    public CustomerValidator(Normalizer normalizer, CustomValueParser customValues) {
        this.normalizer = normalizer;
        this.customValues = customValues;
    }

    public ValidCustomer validate(CustomerInput in, ValidationContext ctx, InvalidInputException.Collector errors) {
        CustomerType type = in.type() == null || in.type().isBlank() ? CustomerType.ORGANIZATION : CustomerType.parse(in.type());
        if (type == null) {
            errors.reject("type", "error.customer.type");
            type = CustomerType.ORGANIZATION;
        }
        String name = trim(in.name());
        if (name == null) {
            errors.reject("name", "error.required");
        } else if (name.length() > 200) {
            errors.reject("name", "error.tooLong", 200);
        }
        String phone = trim(in.phone());
        String phoneNormalized = null;
        if (phone != null) {
            phoneNormalized = normalizer.phones().normalize(phone).orElse(null);
            if (phoneNormalized == null) {
                errors.reject("phone", "error.phone.invalid");
            }
        }
        String email = Normalizer.email(in.email());
        if (email != null && (!EMAIL.matcher(email).matches() || email.length() > 254)) {
            errors.reject("email", "error.email.invalid");
        }
        String creditCode = trim(CreditCode.normalize(in.creditCode()));
        if (creditCode != null) {
            if (type == CustomerType.INDIVIDUAL) {
                errors.reject("creditCode", "error.creditCode.individual");
            } else if (!CreditCode.isValid(creditCode)) {
                errors.reject("creditCode", "error.creditCode.invalid");
            }
        }
        LocalDate birthday = in.birthday();
        if (birthday != null && type == CustomerType.ORGANIZATION) {
            errors.reject("birthday", "error.birthday.organization");
        }
        CustomerStatus status = in.status() == null || in.status().isBlank() ? CustomerStatus.POTENTIAL : CustomerStatus.parse(in.status());
        if (status == null) {
            errors.reject("status", "error.status.unknown");
            status = CustomerStatus.POTENTIAL;
        }
        Tier tier = in.tier() == null || in.tier().isBlank() ? Tier.UNRATED : Tier.parse(in.tier());
        if (tier == null) {
            errors.reject("tier", "error.tier.unknown");
            tier = Tier.UNRATED;
        }
        long owner = in.ownerId() == null ? ctx.defaultOwnerId() : in.ownerId();
        if (!ctx.activeUserIds().contains(owner)) {
            errors.reject("ownerId", "error.owner.invalid");
        }
        String tags = tags(in.tags());
        if (tags != null && tags.length() > 1000) {
            errors.reject("tags", "error.tooLong", 1000);
        } else if (tagList(tags).stream().anyMatch(t -> t.length() > MAX_TAG)) {
            errors.reject("tags", "error.tag.tooLong", MAX_TAG);
        }
        checkLength(errors, "phone", in.phone(), 50);
        checkLength(errors, "province", in.province(), 50);
        checkLength(errors, "city", in.city(), 50);
        checkLength(errors, "district", in.district(), 50);
        checkLength(errors, "street", in.street(), 200);
        checkLength(errors, "industry", in.industry(), 100);
        checkLength(errors, "source", in.source(), 100);
        checkLength(errors, "externalId", in.externalId(), 100);
        checkLength(errors, "notes", in.notes(), 4000);
        List<CustomValue> custom = customValues.parse(in.customFields(), ctx.customFields(), "customer", errors);
        if (errors.hasErrors()) {
            return null;
        }
        boolean personal = type == CustomerType.INDIVIDUAL;
        String extra = creditCode == null ? null : creditCode;
        return new ValidCustomer(type, name, phone, phoneNormalized, in.email() == null ? null : in.email().trim(), email,
                creditCode, trim(in.province()), trim(in.city()), trim(in.district()), trim(in.street()), trim(in.industry()),
                trim(in.source()), tags, birthday, status, tier, owner, trim(in.externalId()), trim(in.notes()),
                normalizer.searchText(name, personal, phoneNormalized, email, extra), normalizer.nameKey(name, personal),
                custom);
    }

    static void checkLength(InvalidInputException.Collector errors, String field, String value, int max) {
        if (value != null && value.trim().length() > max) {
            errors.reject(field, "error.tooLong", max);
        }
    }

    /** Longest single tag: each tag is also a key of the customer_tags index. */
    public static final int MAX_TAG = 100;

    /** Tags are kept as ",a,b," on the customer and one row per tag in customer_tags (the filter's index). */
    public static String tags(List<String> tags) {
        if (tags == null) {
            return null;
        }
        Set<String> clean = new LinkedHashSet<>();
        for (String t : tags) {
            if (t != null) {
                for (String part : t.split("[,;，；]")) {
                    String p = part.trim();
                    if (!p.isEmpty()) {
                        clean.add(p);
                    }
                }
            }
        }
        return clean.isEmpty() ? null : "," + String.join(",", clean) + ",";
    }

    public static List<String> tagList(String stored) {
        List<String> out = new ArrayList<>();
        if (stored != null) {
            for (String t : stored.split(",")) {
                if (!t.isBlank()) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }
}
