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
}
