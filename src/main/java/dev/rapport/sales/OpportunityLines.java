package dev.rapport.sales;

import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.domain.OpportunityLineStore;
import dev.rapport.sales.domain.OpportunityLineStore.NewLine;
import dev.rapport.sales.domain.QuoteTotals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The products (商机产品) of an opportunity. Business rules:
 * <ul>
 * <li>Each line is a product, a quantity above zero, a unit price and a discount of 0–100 %. A
 *     line without a typed price takes the price book's tier price for its quantity, read again
 *     each time the lines are saved; a typed price stays as typed.</li>
 * <li>The price book must be in the opportunity's currency. Without one chosen, the opportunity's
 *     own book is kept; else the default book when it is in that currency; else none (and every
 *     line needs a typed price).</li>
 * <li>Line total = quantity × unit price × (1 − discount), rounded half-up to the currency's
 *     minor unit, as quote lines are. While there are lines, the opportunity's amount is the sum
 *     of the line totals; removing the last line leaves the amount as it was, to be typed again.</li>
 * <li>Saving the lines is a change of the opportunity: it needs {@code opportunity:edit}, checks
 *     and bumps the opportunity's version (stale = 409), and is audited on the opportunity.</li>
 * </ul>
 */
@Service
public class OpportunityLines {

    /** The price book id that means "no price book". */
    public static final Long NO_BOOK = 0L;
    static final int MAX_LINES = 200;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999999.99");

    private final OpportunityManagement opportunities;
    private final OpportunityLineStore store;
    private final ProductManagement products;
    private final AuditLog audit;
    private final Clock clock;

    OpportunityLines(OpportunityManagement opportunities, OpportunityLineStore store, ProductManagement products, AuditLog audit,
                     Clock clock) {
        this.opportunities = opportunities;
        this.store = store;
        this.products = products;
        this.audit = audit;
        this.clock = clock;
    }

    /** The opportunity's lines; "not found" when the user may not see the opportunity. */
    public OpportunityProducts get(CurrentUser user, long opportunityId) {
        OpportunityDetails o = opportunities.details(user, opportunityId);
        return view(o, store.priceBookId(opportunityId).orElse(null));
    }

    /**
     * Replaces all lines (an empty list removes them). {@code priceBookId} null keeps the current
     * choice (or takes the default book), {@link #NO_BOOK} prices without a book (typed prices only).
     */
    @Transactional
    public OpportunityProducts replace(CurrentUser user, long opportunityId, long expectedVersion, Long priceBookId,
                                       List<OpportunityLineInput> lines) {
        user.require("opportunity", "edit");
        OpportunityDetails o = opportunities.details(user, opportunityId);
        if (o.version() != expectedVersion) {
            throw new StaleVersionException("opportunity", o.version());
        }
        OpportunityProducts before = view(o, store.priceBookId(opportunityId).orElse(null));
        var errors = new InvalidInputException.Collector();
        Long book = NO_BOOK.equals(priceBookId) ? null
                : book(o.currency(), priceBookId != null ? priceBookId : before.priceBookId(), priceBookId != null, errors);
        List<NewLine> priced = price(o.currency(), book, lines == null ? List.of() : lines, errors);
        BigDecimal amount = priced.isEmpty() ? o.amount()
                : priced.stream().map(NewLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            errors.reject("lines", "error.opportunity.amount");
        }
        errors.throwIfAny();
        store.replace(opportunityId, expectedVersion, book, amount, priced, clock.instant());
        OpportunityProducts after = view(opportunities.details(user, opportunityId), book);
        audit.recordChanges("opportunity", opportunityId, "update", user.id(), List.of(
                new AuditLog.Change("lines", summary(before.lines()), summary(after.lines())),
                new AuditLog.Change("price_book_id", before.priceBookId(), book),
                new AuditLog.Change("amount", o.amount().toPlainString(), amount.toPlainString())));
        return after;
    }

    /** Adds one line at the end. */
    @Transactional
    public OpportunityProducts add(CurrentUser user, long opportunityId, long expectedVersion, Long priceBookId,
                                   OpportunityLineInput line) {
        List<OpportunityLineInput> lines = inputs(user, opportunityId);
        lines.add(line);
        return replace(user, opportunityId, expectedVersion, priceBookId, lines);
    }

    /** Changes the line with this id (a line of another opportunity is "not a line"). */
    @Transactional
    public OpportunityProducts change(CurrentUser user, long opportunityId, long expectedVersion, long lineId,
                                      OpportunityLineInput line) {
        List<OpportunityLineView> current = get(user, opportunityId).lines();
        List<OpportunityLineInput> lines = new ArrayList<>();
        boolean found = false;
        for (OpportunityLineView l : current) {
            found |= l.id() == lineId;
            lines.add(l.id() == lineId ? line : l.toInput());
        }
        if (!found) {
            throw new StaleVersionException("opportunity", get(user, opportunityId).version());
        }
        return replace(user, opportunityId, expectedVersion, null, lines);
    }

    /** Removes the line with this id. */
    @Transactional
    public OpportunityProducts remove(CurrentUser user, long opportunityId, long expectedVersion, long lineId) {
        List<OpportunityLineView> current = get(user, opportunityId).lines();
        if (current.stream().noneMatch(l -> l.id() == lineId)) {
            throw new StaleVersionException("opportunity", get(user, opportunityId).version());
        }
        return replace(user, opportunityId, expectedVersion, null,
                current.stream().filter(l -> l.id() != lineId).map(OpportunityLineView::toInput).collect(Collectors.toList()));
    }

    OpportunityDetails opportunity(CurrentUser user, long opportunityId) {
        return opportunities.details(user, opportunityId);
    }

    /** The price books a user may price this opportunity from: the active ones in its currency. */
    public List<PriceBookView> booksFor(CurrentUser user, String currency) {
        return products.books(user).stream().filter(b -> b.active() && b.currency().equals(currency)).toList();
    }

    private List<OpportunityLineInput> inputs(CurrentUser user, long opportunityId) {
        return get(user, opportunityId).lines().stream().map(OpportunityLineView::toInput).collect(Collectors.toList());
    }

    private Long book(String currency, Long id, boolean chosen, InvalidInputException.Collector errors) {
        if (id == null) {
            return products.defaultBookId().flatMap(products::findBook).filter(b -> b.currency().equals(currency))
                    .map(PriceBookView::id).orElse(null);
        }
        var book = products.findBook(id);
        if (book.isEmpty() || (chosen && !book.get().active())) {
            errors.reject("priceBookId", "error.quote.priceBook");
            return null;
        }
        if (!book.get().currency().equals(currency)) {
            errors.reject("priceBookId", "error.opportunityLine.bookCurrency", currency);
            return null;
        }
        return id;
    }

    private List<NewLine> price(String currency, Long book, List<OpportunityLineInput> lines, InvalidInputException.Collector errors) {
        if (lines.size() > MAX_LINES) {
            errors.reject("lines", "error.quote.tooManyLines", MAX_LINES);
            return List.of();
        }
        Set<Long> ids = lines.stream().map(OpportunityLineInput::productId).filter(Objects::nonNull).collect(Collectors.toSet());
        var known = products.findProducts(ids);
        var prices = products.prices(book, ids);
        List<OpportunityLineInput> valid = new ArrayList<>();
        List<BigDecimal> unitPrices = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            OpportunityLineInput l = lines.get(i);
            String field = "lines[" + i + "]";
            ProductView p = l.productId() == null ? null : known.get(l.productId());
            if (p == null) {
                errors.reject(field + ".productId", l.productId() == null ? "error.required" : "error.quote.product");
                continue;
            }
            BigDecimal qty = l.quantity();
            if (qty == null || qty.signum() <= 0 || qty.stripTrailingZeros().scale() > 4 || qty.precision() - qty.scale() > 14) {
                errors.reject(field + ".quantity", "error.quote.quantity");
                continue;
            }
            BigDecimal price = l.unitPrice() != null ? l.unitPrice() : prices.unitPrice(p.id(), qty).orElse(null);
            if (price == null) {
                errors.reject(field + ".unitPrice", "error.quote.noPrice", p.sku());
                continue;
            }
            if (price.signum() < 0 || price.stripTrailingZeros().scale() > 4 || price.precision() - price.scale() > 14) {
                errors.reject(field + ".unitPrice", "error.quote.price");
                continue;
            }
            BigDecimal disc = l.discountPercent() == null ? BigDecimal.ZERO : l.discountPercent();
            if (disc.signum() < 0 || disc.compareTo(HUNDRED) > 0) {
                errors.reject(field + ".discountPercent", "error.percent.range");
                continue;
            }
            valid.add(new OpportunityLineInput(p.id(), qty, l.unitPrice(), disc));
            unitPrices.add(price);
        }
        var totals = QuoteTotals.compute(currency, java.util.stream.IntStream.range(0, valid.size())
                .mapToObj(i -> new QuoteTotals.Line(valid.get(i).quantity(), unitPrices.get(i), valid.get(i).discountPercent(),
                        BigDecimal.ZERO)).toList(), BigDecimal.ZERO);
        List<NewLine> out = new ArrayList<>(valid.size());
        for (int i = 0; i < valid.size(); i++) {
            OpportunityLineInput l = valid.get(i);
            out.add(new NewLine(l.productId(), l.quantity(), unitPrices.get(i), l.unitPrice() != null, l.discountPercent(),
                    totals.lines().get(i).net()));
        }
        return out;
    }

    private OpportunityProducts view(OpportunityDetails o, Long book) {
        int scale = QuoteTotals.scaleOf(o.currency());
        List<OpportunityLineView> lines = store.lines(o.id()).stream().map(l -> new OpportunityLineView(l.id(), l.position(),
                l.productId(), l.sku(), l.productName(), l.unit(), plain(l.quantity()), plain(l.unitPrice()), l.priceOverridden(),
                plain(l.discountPercent()), l.lineTotal().setScale(Math.min(scale, 2), RoundingMode.HALF_UP))).toList();
        return new OpportunityProducts(o.id(), o.currency(), book, o.amount(), o.version(), lines);
    }

    /** "SKU × quantity @ price −discount%" per line, for the change history. */
    private static String summary(List<OpportunityLineView> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        String s = lines.stream().map(l -> l.sku() + " × " + l.quantity().toPlainString() + " @ " + l.unitPrice().toPlainString()
                + (l.discountPercent().signum() == 0 ? "" : " −" + l.discountPercent().toPlainString() + "%"))
                .collect(Collectors.joining("; "));
        return s.length() > 1000 ? s.substring(0, 999) + "…" : s;
    }

    private static BigDecimal plain(BigDecimal b) {
        BigDecimal s = b.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
