package dev.rapport.sales.domain;

import dev.rapport.platform.ChineseNames;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.PhoneNumbers;
import dev.rapport.sales.LeadInput;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Checks lead input field by field (translated messages) and derives the normalized columns. */
@Component
public class LeadValidator {

    public static final List<String> RATINGS = List.of("hot", "warm", "cold");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final PhoneNumbers phones;

    LeadValidator(PhoneNumbers phones) {
        this.phones = phones;
    }

    public ValidLead validate(LeadInput in, InvalidInputException.Collector errors) {
        String name = text(in.name(), "name", 100, errors);
        if (name == null) {
            errors.reject("name", "error.required");
        }
        String company = text(in.company(), "company", 200, errors);
        String phone = text(in.phone(), "phone", 50, errors);
        String phoneN = null;
        if (phone != null) {
            phoneN = phones.normalize(phone).orElse(null);
            if (phoneN == null) {
                errors.reject("phone", "error.phone.invalid");
            }
        }
        String email = text(in.email(), "email", 200, errors);
        if (email != null) {
            email = email.toLowerCase(Locale.ROOT);
            if (!EMAIL.matcher(email).matches()) {
                errors.reject("email", "error.email.invalid");
            }
        }
        if (phone == null && email == null && name != null && company == null) {
            // a lead nobody can reach or place is noise
            errors.reject("phone", "error.lead.noContact");
        }
        String rating = text(in.rating(), "rating", 10, errors);
        if (rating != null) {
            rating = rating.toLowerCase(Locale.ROOT);
            if (!RATINGS.contains(rating)) {
                errors.reject("rating", "error.value.invalid");
            }
        }
        if (in.score() != null && (in.score() < 0 || in.score() > 100)) {
            errors.reject("score", "error.lead.score");
        }
        return new ValidLead(company, name, text(in.title(), "title", 100, errors), phone, phoneN, email,
                text(in.source(), "source", 50, errors), text(in.industry(), "industry", 100, errors),
                text(in.province(), "province", 50, errors), text(in.city(), "city", 50, errors),
                text(in.description(), "description", 4000, errors), rating, in.score(), in.ownerId(),
                searchText(name, company, phoneN, email));
    }

    /** Same shape as the customers' search text: lower case, pinyin and initials of Chinese, phone digits. */
    String searchText(String name, String company, String phoneE164, String email) {
        StringBuilder sb = new StringBuilder(" ");
        for (String part : new String[] {name, company}) {
            if (part != null) {
                String lower = part.toLowerCase(Locale.ROOT);
                sb.append(lower).append(' ');
                if (ChineseNames.containsHan(part)) {
                    boolean personal = part.equals(name);
                    sb.append(ChineseNames.pinyin(part, personal)).append(' ')
                            .append(ChineseNames.initials(part, personal)).append(' ');
                }
            }
        }
        if (phoneE164 != null) {
            sb.append(phones.nationalDigits(phoneE164)).append(' ').append(phoneE164.substring(1)).append(' ');
        }
        if (email != null) {
            sb.append(email).append(' ');
        }
        String s = sb.toString();
        return s.length() > 2000 ? s.substring(0, 1999) + " " : s;
    }

    private static String text(String value, String field, int max, InvalidInputException.Collector errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String t = value.trim();
        if (t.length() > max) {
            errors.reject(field, "error.tooLong", max);
        }
        return t;
    }
}
