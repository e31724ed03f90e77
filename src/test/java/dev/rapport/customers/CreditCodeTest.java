package dev.rapport.customers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.customers.domain.CreditCode;
import org.junit.jupiter.api.Test;

class CreditCodeTest {

    @Test
    void acceptsPublishedCodesWithTheirCheckCharacter() {
        // codes printed on public business licences (Huawei, Tencent Shenzhen, Alibaba China)
        assertThat(CreditCode.isValid("914403001922038216")).isTrue();
        assertThat(CreditCode.isValid("9144030071526726XG")).isTrue();
        assertThat(CreditCode.isValid("91330100716105852F")).isTrue();
    }

    @Test
    void rejectsWrongCheckCharactersLengthsAndLetters() {
        assertThat(CreditCode.isValid("914403001922038217")).isFalse();
        assertThat(CreditCode.isValid("91440300192203821")).isFalse();
        assertThat(CreditCode.isValid("91440300192203821I")).isFalse();
        assertThat(CreditCode.isValid(null)).isFalse();
    }

    @Test
    void computesTheCheckCharacter() {
        assertThat(CreditCode.withCheckDigit("91440300192203821")).isEqualTo("914403001922038216");
        assertThat(CreditCode.normalize(" 9144 0300-1922 0382 16 ")).isEqualTo("914403001922038216");
    }
}
