package dev.rapport.sales;

import dev.rapport.platform.InvalidInputException;
import dev.rapport.sales.domain.QuoteTotals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Turns typed lines into priced lines: a product line takes its name and unit from the product and
 * its unit price from the price book's tier for the quantity, unless the user typed a price; then
 * the arithmetic of {@link QuoteTotals}, and whether the result needs approval.
 */
@Component
class QuotePricing {

    record Priced(List<QuoteLineView> lines, QuoteTotals.Result totals, boolean needsApproval) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final int MAX_LINES = 200;

    private final ProductManagement products;
    private final QuoteApprovalPolicy policy;

    QuotePricing(ProductManagement products, QuoteApprovalPolicy policy) {
        this.products = products;
        this.policy = policy;
    }

    QuoteApprovalPolicy policy() {
        return policy;
    }

    ProductManagement products() {
        return products;
    }

    Priced price(String currency, Long priceBookId, List<QuoteLineInput> in, BigDecimal quoteDiscount,
                 InvalidInputException.Collector errors) {
        List<QuoteLineInput> lines = in == null ? List.of() : in;
        if (lines.size() > MAX_LINES) {
            errors.reject("lines", "error.quote.tooManyLines", MAX_LINES);
        }
        percent(quoteDiscount, "discountPercent", errors);
        List<QuoteLineView> out = new ArrayList<>();
        List<QuoteTotals.Line> math = new ArrayList<>();
        // the lines' products and their tiers in two reads, not two per line (a quote may have 200)
        var productIds = lines.stream().limit(MAX_LINES).map(QuoteLineInput::productId).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
        var known = products.findProducts(productIds);
        var prices = products.prices(priceBookId, productIds);
        for (int i = 0; i < lines.size() && i < MAX_LINES; i++) {
            QuoteLineInput l = lines.get(i);
            String field = "lines[" + i + "]";
            String description = l.description() == null || l.description().isBlank() ? null : l.description().trim();
            String unit = null;
            BigDecimal price = l.unitPrice();
            boolean overridden = l.unitPrice() != null;
            BigDecimal qty = l.quantity();
            if (qty == null || qty.signum() <= 0) {
                errors.reject(field + ".quantity", "error.quote.quantity");
                qty = BigDecimal.ONE;
            }
            if (l.productId() != null) {
                ProductView p = known.get(l.productId());
                if (p == null) {
                    errors.reject(field + ".productId", "error.quote.product");
                    continue;
                }
                description = description == null ? p.name() : description;
                unit = p.unit();
                if (price == null) {
                    price = prices.unitPrice(p.id(), qty).orElse(null);
                    if (price == null) {
                        errors.reject(field + ".unitPrice", "error.quote.noPrice", p.sku());
                        continue;
                    }
                }
            } else if (description == null) {
                errors.reject(field + ".description", "error.required");
                continue;
            } else if (price == null) {
                errors.reject(field + ".unitPrice", "error.required");
                continue;
            }
            if (description.length() > 500) {
                errors.reject(field + ".description", "error.tooLong", 500);
            }
            if (price.signum() < 0) {
                errors.reject(field + ".unitPrice", "error.quote.price");
            }
            percent(l.discountPercent(), field + ".discountPercent", errors);
            percent(l.taxRate(), field + ".taxRate", errors);
            BigDecimal disc = zeroIfNull(l.discountPercent());
            BigDecimal tax = zeroIfNull(l.taxRate());
            math.add(new QuoteTotals.Line(qty, price, disc, tax));
            out.add(new QuoteLineView(0, out.size() + 1, l.productId(), description, unit, qty, price, overridden, disc, tax,
                    null, null, null));
        }
        QuoteTotals.Result totals = QuoteTotals.compute(currency, math, zeroIfNull(quoteDiscount));
        List<QuoteLineView> priced = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            QuoteLineView l = out.get(i);
            QuoteTotals.LineAmounts a = totals.lines().get(i);
            priced.add(new QuoteLineView(0, l.position(), l.productId(), l.description(), l.unit(), l.quantity(), l.unitPrice(),
                    l.priceOverridden(), l.discountPercent(), l.taxRate(), a.net(), a.tax(), a.total()));
        }
        boolean needs = policy.needsApproval(quoteDiscount, priced.stream().map(QuoteLineView::discountPercent).toList(), totals);
        return new Priced(priced, totals, needs);
    }

    private static void percent(BigDecimal p, String field, InvalidInputException.Collector errors) {
        if (p != null && (p.signum() < 0 || p.compareTo(HUNDRED) > 0)) {
            errors.reject(field, "error.percent.range");
        }
    }

    private static BigDecimal zeroIfNull(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }
}
