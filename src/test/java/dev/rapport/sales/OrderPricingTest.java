package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.platform.InvalidInputException;
import dev.rapport.sales.domain.OrderPricing;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderPricingTest {

    private static List<OrderPricing.PricedLine> price(OrderLineInput... lines) {
        var errors = new InvalidInputException.Collector();
        List<OrderPricing.PricedLine> priced = OrderPricing.price(List.of(lines), errors);
        errors.throwIfAny();
        return priced;
    }

    @Test
    void eachLineIsRoundedHalfUpToCentsAndTheTotalIsTheSumOfTheRoundedLines() {
        // 3 × 3.335 = 10.005 → 10.01 gross; 10 % discount 1.001 → 1.00; net 9.01; 13 % tax 1.1713 → 1.17
        var lines = price(new OrderLineInput(null, "Widget", new BigDecimal("3"), new BigDecimal("3.335"), BigDecimal.TEN, new BigDecimal("13")),
                new OrderLineInput(7L, "Service", new BigDecimal("1.5"), new BigDecimal("0.333"), null, null));
        assertThat(lines.get(0).gross()).isEqualByComparingTo("10.01");
        assertThat(lines.get(0).discountAmount()).isEqualByComparingTo("1.00");
        assertThat(lines.get(0).tax()).isEqualByComparingTo("1.17");
        assertThat(lines.get(0).lineTotal()).isEqualByComparingTo("10.18");
        assertThat(lines.get(1).lineTotal()).isEqualByComparingTo("0.50");
        var totals = OrderPricing.totals(lines);
        assertThat(totals.subtotal()).isEqualByComparingTo("10.51");
        assertThat(totals.discountTotal()).isEqualByComparingTo("1.00");
        assertThat(totals.taxTotal()).isEqualByComparingTo("1.17");
        assertThat(totals.total()).isEqualByComparingTo("10.68");
        assertThat(totals.total()).isEqualByComparingTo(lines.get(0).lineTotal().add(lines.get(1).lineTotal()));
    }

    @Test
    void rejectsNonPositiveQuantitiesAndPercentagesOutsideZeroToHundred() {
        assertThatThrownBy(() -> price(new OrderLineInput(null, "x", BigDecimal.ZERO, BigDecimal.ONE, new BigDecimal("101"), null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field)
                        .containsExactly("lines[0].quantity", "lines[0].discount"));
    }

    @Test
    void buyerLabelsTellFirstTimeRepeatAndLoyalApart() {
        assertThat(BuyerLabel.of(0, 0)).isEqualTo(BuyerLabel.NONE);
        assertThat(BuyerLabel.of(1, 1)).isEqualTo(BuyerLabel.FIRST_TIME);
        assertThat(BuyerLabel.of(2, 1)).isEqualTo(BuyerLabel.REPEAT);
        assertThat(BuyerLabel.of(4, 2)).isEqualTo(BuyerLabel.REPEAT);
        assertThat(BuyerLabel.of(5, 1)).isEqualTo(BuyerLabel.LOYAL);
        assertThat(BuyerLabel.of(3, 3)).isEqualTo(BuyerLabel.LOYAL);
    }
}
