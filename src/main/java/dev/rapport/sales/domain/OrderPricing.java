package dev.rapport.sales.domain;

import dev.rapport.platform.InvalidInputException;
import dev.rapport.sales.OrderLineInput;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Order totals. Each line is rounded to cents on its own, the way an invoice prints it, and the
 * order's totals are the sums of the rounded lines, so lines always add up to the total:
 * gross = quantity × unit price; discount = gross × discount %; net = gross − discount;
 * tax = net × tax rate %; line total = net + tax. Half-up rounding, as Chinese invoices do.
 */
public final class OrderPricing {

    public static final int MAX_LINES = 500;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A validated line with its computed amounts. */
    public record PricedLine(Long productId, String description, BigDecimal quantity, BigDecimal unitPrice,
                             BigDecimal discount, BigDecimal taxRate, BigDecimal gross, BigDecimal discountAmount,
                             BigDecimal tax, BigDecimal lineTotal) {
    }

    public record Totals(BigDecimal subtotal, BigDecimal discountTotal, BigDecimal taxTotal, BigDecimal total) {
    }

    private OrderPricing() {
    }

    public static List<PricedLine> price(List<OrderLineInput> lines, InvalidInputException.Collector errors) {
        List<PricedLine> out = new ArrayList<>();
        if (lines.size() > MAX_LINES) {
            errors.reject("lines", "error.order.tooManyLines", MAX_LINES);
            return out;
        }
        for (int i = 0; i < lines.size(); i++) {
            OrderLineInput l = lines.get(i);
            String f = "lines[" + i + "].";
            String description = l.description() == null ? "" : l.description().trim();
            if (description.isEmpty()) {
                errors.reject(f + "description", "error.required");
            } else if (description.length() > 500) {
                errors.reject(f + "description", "error.tooLong", 500);
            }
            if (l.quantity() == null) {
                errors.reject(f + "quantity", "error.required");
            } else if (l.quantity().signum() <= 0 || l.quantity().scale() > 4) {
                errors.reject(f + "quantity", "error.order.quantity");
            }
            if (l.unitPrice() == null) {
                errors.reject(f + "unitPrice", "error.required");
            } else if (l.unitPrice().signum() < 0 || l.unitPrice().scale() > 4) {
                errors.reject(f + "unitPrice", "error.order.amount");
            }
            BigDecimal discount = l.discount() == null ? BigDecimal.ZERO : l.discount();
            BigDecimal taxRate = l.taxRate() == null ? BigDecimal.ZERO : l.taxRate();
            if (discount.signum() < 0 || discount.compareTo(HUNDRED) > 0) {
                errors.reject(f + "discount", "error.order.percent");
            }
            if (taxRate.signum() < 0 || taxRate.compareTo(HUNDRED) > 0) {
                errors.reject(f + "taxRate", "error.order.percent");
            }
            if (errors.hasErrors()) {
                continue;
            }
            BigDecimal gross = cents(l.quantity().multiply(l.unitPrice()));
            BigDecimal discountAmount = cents(gross.multiply(discount).divide(HUNDRED));
            BigDecimal net = gross.subtract(discountAmount);
            BigDecimal tax = cents(net.multiply(taxRate).divide(HUNDRED));
            out.add(new PricedLine(l.productId(), description, l.quantity(), l.unitPrice(), discount, taxRate, gross,
                    discountAmount, tax, net.add(tax)));
        }
        return out;
    }

    public static Totals totals(List<PricedLine> lines) {
        BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
        BigDecimal discount = subtotal;
        BigDecimal tax = subtotal;
        BigDecimal total = subtotal;
        for (PricedLine l : lines) {
            subtotal = subtotal.add(l.gross());
            discount = discount.add(l.discountAmount());
            tax = tax.add(l.tax());
            total = total.add(l.lineTotal());
        }
        return new Totals(subtotal, discount, tax, total);
    }

    /** Totals of an order known only by its total (history imports): no discount or tax detail. */
    public static Totals totalOnly(BigDecimal total) {
        BigDecimal t = cents(total);
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        return new Totals(t, zero, zero, t);
    }

    public static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
