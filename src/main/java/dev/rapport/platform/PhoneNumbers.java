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
