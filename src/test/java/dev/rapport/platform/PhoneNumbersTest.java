package dev.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    private final PhoneNumbers cn = new PhoneNumbers("CN");

    @Test
    void normalizesChineseNumbersInAnyFormatToE164() {
        assertThat(cn.normalize("138 0013 8000")).contains("+8613800138000");
        assertThat(cn.normalize("+86-138-0013-8000")).contains("+8613800138000");
        assertThat(cn.normalize("(010) 6552 9988")).contains("+861065529988");
        assertThat(cn.normalize("+1 650 253 0000")).contains("+16502530000");
    }

    @Test
    void rejectsWhatCannotBeAPhoneNumber() {
        assertThat(cn.normalize("12")).isEmpty();
        assertThat(cn.normalize("not a phone")).isEmpty();
        assertThat(cn.normalize("  ")).isEmpty();
    }

    @Test
    void theDefaultRegionIsConfigurable() {
        assertThat(new PhoneNumbers("US").normalize("650 253 0000")).contains("+16502530000");
        assertThat(cn.nationalDigits("+8613800138000")).isEqualTo("13800138000");
    }

    @Test
    void nationalDigitsAreWhatLibphonenumberCallsTheNationalSignificantNumber() throws Exception {
        var util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        for (String e164 : java.util.List.of("+8613800138000", "+861065529988", "+85291234567", "+442079460958", "+390612345678",
                "+16502530000", "+4930123456", "+97150123456")) {
            assertThat(cn.nationalDigits(e164)).as(e164).isEqualTo(util.getNationalSignificantNumber(util.parse(e164, "CN")));
        }
        assertThat(cn.nationalDigits("+390612345678")).as("Italy keeps its leading zero").isEqualTo("0612345678");
    }
}
