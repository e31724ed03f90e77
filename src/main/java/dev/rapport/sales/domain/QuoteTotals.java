package dev.rapport.sales.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The arithmetic of a quote, kept in one place so the page, the API, the PDF and the approval rule
 * agree to the cent. Every amount is rounded half-up to the currency's minor unit (2 for CNY and
 * USD, 0 for JPY) at the line, then summed, so the lines a customer reads add up to the totals:
 * <ul>
 *   <li>line net = round(quantity × unit price × (1 − line discount));</li>
 *   <li>subtotal = Σ line net; quote discount = round(subtotal × quote discount %);</li>
 *   <li>line tax = round(line net × (1 − quote discount %) × tax rate): the quote discount lowers
 *       each line's taxable amount in proportion;</li>
 *   <li>total = subtotal − quote discount + Σ line tax.</li>
 * </ul>
 */
public final class QuoteTotals {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** One line's input to the arithmetic. */
    public record Line(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal taxRate) {
    }

    /** One line's amounts. */
    public record LineAmounts(BigDecimal net, BigDecimal tax, BigDecimal total) {
    }

    public record Result(List<LineAmounts> lines, BigDecimal subtotal, BigDecimal discount, BigDecimal tax, BigDecimal total,
                         BigDecimal grossBeforeDiscounts) {

        /**
         * The share of the list value (quantity × unit price, before any discount) given away, in
         * percent with two decimals; 0 for an empty quote.
         */
        public BigDecimal effectiveDiscountPercent() {
            if (grossBeforeDiscounts.signum() == 0) {
                return BigDecimal.ZERO;
            }
            BigDecimal given = grossBeforeDiscounts.subtract(subtotal.subtract(discount));
            return given.multiply(HUNDRED).divide(grossBeforeDiscounts, 2, RoundingMode.HALF_UP);
        }
    }

    private QuoteTotals() {
    }

    public static Result compute(String currency, List<Line> lines, BigDecimal quoteDiscountPercent) {
        int scale = scaleOf(currency);
        BigDecimal quoteKeep = BigDecimal.ONE.subtract(percent(quoteDiscountPercent));
        List<LineAmounts> amounts = new ArrayList<>(lines.size());
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        for (Line l : lines) {
            BigDecimal list = l.quantity().multiply(l.unitPrice());
            gross = gross.add(list.setScale(scale, RoundingMode.HALF_UP));
            BigDecimal net = list.multiply(BigDecimal.ONE.subtract(percent(l.discountPercent()))).setScale(scale, RoundingMode.HALF_UP);
            BigDecimal lineTax = net.multiply(quoteKeep).multiply(percent(l.taxRate())).setScale(scale, RoundingMode.HALF_UP);
            amounts.add(new LineAmounts(net, lineTax, net.add(lineTax)));
            subtotal = subtotal.add(net);
            tax = tax.add(lineTax);
        }
        BigDecimal discount = subtotal.multiply(percent(quoteDiscountPercent)).setScale(scale, RoundingMode.HALF_UP);
        subtotal = subtotal.setScale(scale, RoundingMode.HALF_UP);
        tax = tax.setScale(scale, RoundingMode.HALF_UP);
        return new Result(List.copyOf(amounts), subtotal, discount, tax, subtotal.subtract(discount).add(tax),
                gross.setScale(scale, RoundingMode.HALF_UP));
    }

    /** Digits after the decimal point of the currency's minor unit; 2 for an unknown code. */
    public static int scaleOf(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException | NullPointerException e) {
            return 2;
        }
    }

    private static BigDecimal percent(BigDecimal p) {
        return p == null ? BigDecimal.ZERO : p.divide(HUNDRED);
    }
}
