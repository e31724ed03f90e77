package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.sales.domain.QuoteTotals;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteTotalsTest {

    private static QuoteTotals.Line line(String qty, String price, String discount, String tax) {
        return new QuoteTotals.Line(new BigDecimal(qty), new BigDecimal(price), new BigDecimal(discount), new BigDecimal(tax));
    }

    @Test
    void linesAreRoundedHalfUpToCentsAndTheTotalsAddUp() {
        // 3 × 33.335 = 100.005 → 100.01 (half up); 10 % off 19.99 × 7 = 139.93 → 125.937 → 125.94
        var r = QuoteTotals.compute("CNY", List.of(line("3", "33.335", "0", "13"), line("7", "19.99", "10", "6")), BigDecimal.ZERO);

        assertThat(r.lines().get(0).net()).isEqualByComparingTo("100.01");
        assertThat(r.lines().get(0).tax()).isEqualByComparingTo("13.00"); // 13.0013
        assertThat(r.lines().get(1).net()).isEqualByComparingTo("125.94");
        assertThat(r.lines().get(1).tax()).isEqualByComparingTo("7.56"); // 7.5564
        assertThat(r.subtotal()).isEqualByComparingTo("225.95");
        assertThat(r.tax()).isEqualByComparingTo("20.56");
        assertThat(r.total()).isEqualByComparingTo("246.51");
        assertThat(r.total().scale()).isEqualTo(2);
    }

    @Test
    void theQuoteDiscountLowersTheTaxableAmountOfEveryLine() {
        var r = QuoteTotals.compute("CNY", List.of(line("1", "1000", "0", "13"), line("2", "50", "0", "0")), new BigDecimal("20"));

        assertThat(r.subtotal()).isEqualByComparingTo("1100.00");
        assertThat(r.discount()).isEqualByComparingTo("220.00");
        assertThat(r.tax()).isEqualByComparingTo("104.00"); // 13 % of 800
        assertThat(r.total()).isEqualByComparingTo("984.00");
        assertThat(r.effectiveDiscountPercent()).isEqualByComparingTo("20.00");
    }

    @Test
    void lineAndQuoteDiscountsCombineInTheEffectiveDiscount() {
        var r = QuoteTotals.compute("USD", List.of(line("1", "100", "10", "0")), new BigDecimal("10"));

        assertThat(r.total()).isEqualByComparingTo("81.00");
        assertThat(r.effectiveDiscountPercent()).isEqualByComparingTo("19.00");
    }

    @Test
    void aCurrencyWithoutMinorUnitsRoundsToWholeAmounts() {
        var r = QuoteTotals.compute("JPY", List.of(line("3", "333.5", "0", "10")), BigDecimal.ZERO);

        assertThat(r.subtotal()).isEqualByComparingTo("1001"); // 1000.5 → 1001
        assertThat(r.tax()).isEqualByComparingTo("100");
        assertThat(r.total().scale()).isZero();
    }

    @Test
    void anEmptyQuoteIsZeroWithNoDiscount() {
        var r = QuoteTotals.compute("CNY", List.of(), new BigDecimal("50"));

        assertThat(r.total()).isEqualByComparingTo("0");
        assertThat(r.effectiveDiscountPercent()).isEqualByComparingTo("0");
    }
}
