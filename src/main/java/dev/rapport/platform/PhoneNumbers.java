package dev.rapport.platform;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Phone numbers in E.164, parsed with libphonenumber. Numbers without a country code are read in
 * the configured default region ({@code rapport.phone-region}, CN unless set).
 */
@Component
public class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final java.util.Set<Integer> CALLING_CODES = java.util.Set.copyOf(UTIL.getSupportedCallingCodes());
    private final String region;

    public PhoneNumbers(@Value("${rapport.phone-region:CN}") String region) {
        this.region = region;
    }

    /** The E.164 form, or empty when the text is not a possible phone number. */
    public Optional<String> normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw.trim(), region);
            if (!UTIL.isPossibleNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The national significant number (digits only), used so a search for "138 0013" finds +8613800138000. */
    public String nationalDigits(String e164) {
        // an E.164 number is its country code followed by the national significant number, so
        // splitting off the code answers without parsing the number a second time (parsing was a
        // fifth of an import's CPU, and every new record's search text needs these digits)
        // (calling codes are prefix-free: no code is the start of another)
        if (e164.length() > 4 && e164.charAt(0) == '+') {
            for (int digits = 1; digits <= 3; digits++) {
                String code = e164.substring(1, 1 + digits);
                if (code.chars().allMatch(Character::isDigit) && CALLING_CODES.contains(Integer.parseInt(code))) {
                    return e164.substring(1 + digits);
                }
            }
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(e164, region);
            return UTIL.getNationalSignificantNumber(number);
        } catch (NumberParseException e) {
            return e164.replaceAll("\\D", "");
        }
    }

    /** A human-friendly international form for display. */
    public String display(String e164) {
        try {
            return UTIL.format(UTIL.parse(e164, region), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }

    public String region() {
        return region;
    }
}
