package dev.rapport.customers.domain;

import dev.rapport.platform.ChineseNames;
import dev.rapport.platform.PhoneNumbers;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Builds the derived columns: search text (name, pinyin, initials, phone digits, e-mail) and the
 * folded name used to spot duplicates.
 */
@Component
public class Normalizer {

    private static final Pattern COMPANY_SUFFIX = Pattern.compile(
            "(股份有限公司|有限责任公司|有限公司|集团|公司|\\b(co|ltd|limited|inc|incorporated|llc|gmbh|corp|corporation|company|group|plc|sa|ag)\\b\\.?)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NON_WORD = Pattern.compile("[\\p{Punct}\\s·（）()，。、]+");

    private final PhoneNumbers phones;

    public Normalizer(PhoneNumbers phones) {
        this.phones = phones;
    }

    public PhoneNumbers phones() {
        return phones;
    }

    /** Space-separated, lower-case tokens with a leading and trailing space so "% zs%" finds word starts. */
    public String searchText(String name, boolean personal, String phoneE164, String email, String extra) {
        StringBuilder sb = new StringBuilder(" ");
        if (name != null) {
            String lower = name.toLowerCase(Locale.ROOT).trim();
            sb.append(lower).append(' ');
            String compact = lower.replace(" ", "");
            if (!compact.equals(lower)) {
                sb.append(compact).append(' ');
            }
            if (ChineseNames.containsHan(name)) {
                sb.append(ChineseNames.pinyin(name, personal)).append(' ');
                sb.append(ChineseNames.initials(name, personal)).append(' ');
            }
        }
        if (phoneE164 != null) {
            sb.append(phones.nationalDigits(phoneE164)).append(' ');
            // a Chinese number typed with its country code is found through its national digits
            // (searchTerm drops 86 / 0086), so only other countries' numbers need the full form;
            // it would be 14 more trigrams in the search index for each customer with a phone
            if (!phoneE164.startsWith("+86")) {
                sb.append(phoneE164.substring(1)).append(' ');
            }
        }
        if (email != null) {
            sb.append(email).append(' ');
        }
        if (extra != null && !extra.isBlank()) {
            sb.append(fragment(extra)).append(' ');
        }
        String text = sb.toString();
        return text.length() > 2000 ? text.substring(0, 1999) + " " : text;
    }

    /**
     * How extra text (a contact's company name, a credit code) appears in search text: lower case
     * and, for Chinese, its pinyin too, because Chinese search terms are also matched by pinyin.
     */
    public String fragment(String extra) {
        String lower = extra.toLowerCase(Locale.ROOT).trim();
        return ChineseNames.containsHan(extra) ? lower + " " + ChineseNames.pinyin(extra, false) : lower;
    }

    /** Name folded for duplicate detection: no company suffix, punctuation or spaces; Chinese as pinyin. */
    public String nameKey(String name, boolean personal) {
        if (name == null) {
            return "";
        }
        String stripped = COMPANY_SUFFIX.matcher(name).replaceAll("");
        stripped = NON_WORD.matcher(stripped).replaceAll("");
        if (stripped.isEmpty()) {
            stripped = NON_WORD.matcher(name).replaceAll("");
        }
        String key = ChineseNames.containsHan(stripped) ? ChineseNames.pinyin(stripped, personal) : stripped.toLowerCase(Locale.ROOT);
        return key.length() > 200 ? key.substring(0, 200) : key;
    }

    public static String email(String raw) {
        return raw == null || raw.isBlank() ? null : raw.trim().toLowerCase(Locale.ROOT);
    }

    /** Normalizes free-form search input the same way stored search text is normalized. */
    public String searchTerm(String q) {
        String t = q.trim().toLowerCase(Locale.ROOT);
        String digits = t.replaceAll("[\\s()+\\-.]", "");
        if (digits.matches("\\d{4,}")) {
            // a phone number in any format: +86 138-0013-8000, (0)138 0013 8000 ...
            if (digits.startsWith("0086")) {
                digits = digits.substring(4);
            } else if (digits.startsWith("86") && digits.length() > 11) {
                digits = digits.substring(2);
            }
            if (digits.startsWith("0") && digits.length() > 4) {
                digits = digits.substring(1);
            }
            return digits;
        }
        return t;
    }
}
