package dev.rapport.sales;

import dev.rapport.customers.CustomerRef;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.OwnerScope;
import dev.rapport.identity.UserSummary;
import dev.rapport.platform.Cursor;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.domain.QuoteStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quotes (报价单): a customer, a price book, lines and discounts, owned by a sales rep. A quote is
 * visible to whoever's data scope includes its owner; outside it, it does not exist (404). Numbers
 * read Q-2026-000123; a revision keeps the number and adds -v2, -v3. Lines and header change only
 * while the quote is a draft (or rejected, which makes it a draft again); the workflow after that is
 * in {@link QuoteWorkflow}.
 */
@Service
public class QuoteManagement {

    private final QuoteStore store;
    private final QuotePricing pricing;
    private final QuoteParties parties;
    private final AuditLog audit;
    private final Clock clock;

    QuoteManagement(QuoteStore store, QuotePricing pricing, QuoteParties parties, AuditLog audit, Clock clock) {
        this.store = store;
        this.pricing = pricing;
        this.parties = parties;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public QuoteView create(CurrentUser user, QuoteInput in) {
        user.require("quote", "create");
        Valid v = validate(user, in);
        Instant now = clock.instant();
        String base = "Q-" + Year.now(clock.withZone(ZoneOffset.UTC)).getValue() + "-" + String.format("%06d", store.nextNumber());
        long id = store.insert(base, base, 1, v.header(), QuoteStatus.DRAFT.key(), user.id(), now);
        store.replaceLines(id, v.priced().lines());
        audit.recordChanges("quote", id, "create", user.id(), List.of(new AuditLog.Change("number", null, base),
                new AuditLog.Change("customer_id", null, v.header().customerId()),
                new AuditLog.Change("total", null, v.header().total().toPlainString())));
        return get(user, id);
    }

    /** Replaces header and lines of a draft (or rejected) quote; a stale version is refused. */
    @Transactional
    public QuoteView update(CurrentUser user, long id, long expectedVersion, QuoteInput in) {
        user.require("quote", "edit");
        QuoteStore.Row old = visibleRow(user, id);
        if (old.version() != expectedVersion) {
            throw new StaleVersionException("quote", old.version());
        }
        if (!QuoteStatus.parse(old.status()).editable()) {
            throw new InvalidInputException("status", "error.quote.notEditable");
        }
        Valid v = validate(user, in);
        store.update(id, expectedVersion, v.header(), QuoteStatus.DRAFT.key(), clock.instant());
        store.replaceLines(id, v.priced().lines());
        audit.recordChanges("quote", id, "update", user.id(), List.of(
                new AuditLog.Change("status", old.status(), QuoteStatus.DRAFT.key()),
                new AuditLog.Change("discount_percent", old.discountPercent().stripTrailingZeros().toPlainString(),
                        v.header().discountPercent().stripTrailingZeros().toPlainString()),
                new AuditLog.Change("total", old.total().stripTrailingZeros().toPlainString(), v.header().total().stripTrailingZeros().toPlainString()),
                new AuditLog.Change("owner_id", old.ownerId(), v.header().ownerId())));
        return get(user, id);
    }

    /**
     * Makes a new version of an approved, sent, declined or expired quote: same customer, lines and
     * number with -vN, as a draft; the old one is kept, read-only, as superseded.
     */
    @Transactional
    public QuoteView revise(CurrentUser user, long id, long expectedVersion) {
        user.require("quote", "edit");
        QuoteStore.Row old = visibleRow(user, id);
        if (old.version() != expectedVersion) {
            throw new StaleVersionException("quote", old.version());
        }
        if (!QuoteStatus.parse(old.status()).revisable()) {
            throw new InvalidInputException("status", "error.quote.notRevisable");
        }
        int revision = store.highestRevision(old.baseNumber()) + 1;
        String number = old.baseNumber() + "-v" + revision;
        Instant now = clock.instant();
        QuoteStore.Header h = new QuoteStore.Header(old.customerId(), old.contactId(), old.opportunityId(), old.priceBookId(),
                old.currency(), old.validUntil(), old.discountPercent(), old.terms(), old.ownerId(), old.subtotal(),
                old.discountAmount(), old.taxAmount(), old.total());
        long newId = store.insert(number, old.baseNumber(), revision, h, QuoteStatus.DRAFT.key(), user.id(), now);
        store.replaceLines(newId, store.lines(id));
        store.supersede(id, expectedVersion, newId, now);
        audit.recordChanges("quote", newId, "create", user.id(), List.of(new AuditLog.Change("number", null, number),
                new AuditLog.Change("revision_of", null, id)));
        audit.recordChanges("quote", id, "update", user.id(), List.of(new AuditLog.Change("status", old.status(), "superseded"),
                new AuditLog.Change("superseded_by", null, newId)));
        return get(user, newId);
    }

    public QuoteView get(CurrentUser user, long id) {
        QuoteStore.Row r = visibleRow(user, id);
        return view(r, store.lines(id));
    }

    /** Quotes the user may see, newest first, keyset-paged; filters by customer, status and number prefix. */
    public CursorPage<QuoteView> list(CurrentUser user, Long customerId, String status, String number, String cursor, int limit) {
        user.require("quote", "view");
        QuoteStatus s = status == null || status.isBlank() ? null : QuoteStatus.parse(status);
        if (status != null && !status.isBlank() && s == null) {
            throw new InvalidInputException("status", "error.quote.status");
        }
        Long before = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor).id();
        String prefix = number == null || number.isBlank() ? null : number.trim().toUpperCase();
        List<QuoteStore.Row> rows = store.page(parties.scope(user), customerId, s == null ? null : s.key(), prefix, before, limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = new Cursor(null, rows.get(limit - 1).id()).encode();
        }
        Map<Long, String> names = parties.customerNames(rows.stream().map(QuoteStore.Row::customerId).collect(Collectors.toSet()));
        Map<Long, UserSummary> owners = parties.userSummaries(rows.stream().map(QuoteStore.Row::ownerId).collect(Collectors.toSet()));
        return new CursorPage<>(rows.stream().map(r -> view(r, List.of(), names.get(r.customerId()), owners)).toList(), next);
    }

    /** Contacts of a visible customer the user may see, for the quote form. */
    public List<dev.rapport.customers.ContactDetails> contactsOf(CurrentUser user, long customerId) {
        return parties.contactsOf(user, customerId);
    }

    /** Name of a visible customer (404 outside the user's scope). */
    public String customerName(CurrentUser user, long customerId) {
        var errors = new InvalidInputException.Collector();
        CustomerRef c = parties.customer(user, customerId, errors);
        if (c == null) {
            throw new NotFoundException("customer", customerId);
        }
        return c.name();
    }

    /** The stored quote if the user may see it, else 404 (whether it exists or not). */
    QuoteStore.Row visibleRow(CurrentUser user, long id) {
        user.require("quote", "view");
        QuoteStore.Row r = store.find(id).orElseThrow(() -> new NotFoundException("quote", id));
        OwnerScope scope = parties.scope(user);
        if (!scope.includes(r.ownerId())) {
            throw new NotFoundException("quote", id);
        }
        return r;
    }

    /** A quote by id with no scope check, for approvers (checked by the approval rule) and jobs. */
    QuoteView unscoped(long id) {
        QuoteStore.Row r = store.find(id).orElseThrow(() -> new NotFoundException("quote", id));
        return view(r, store.lines(id));
    }

    QuoteStore store() {
        return store;
    }

    QuoteParties parties() {
        return parties;
    }

    Instant now() {
        return clock.instant();
    }

    java.time.LocalDate today() {
        return java.time.LocalDate.now(clock);
    }

    private record Valid(QuoteStore.Header header, QuotePricing.Priced priced) {
    }

    private Valid validate(CurrentUser user, QuoteInput in) {
        var errors = new InvalidInputException.Collector();
        CustomerRef customer = parties.customer(user, in.customerId(), errors);
        parties.contact(user, in.contactId(), in.customerId(), errors);
        parties.opportunity(user, in.opportunityId(), in.customerId(), errors);
        long owner = parties.owner(user, in.ownerId(), errors);
        Long bookId = in.priceBookId() != null ? in.priceBookId() : pricing.products().defaultBookId().orElse(null);
        String currency = "CNY";
        if (bookId != null) {
            var book = pricing.products().findBook(bookId);
            if (book.isEmpty() || (!book.get().active() && in.priceBookId() != null)) {
                errors.reject("priceBookId", "error.quote.priceBook");
            } else {
                currency = book.get().currency();
            }
        }
        if (in.terms() != null && in.terms().length() > 4000) {
            errors.reject("terms", "error.tooLong", 4000);
        }
        if (in.validUntil() != null && in.validUntil().isBefore(today())) {
            errors.reject("validUntil", "error.quote.validUntilPast");
        }
        BigDecimal discount = in.discountPercent() == null ? BigDecimal.ZERO : in.discountPercent();
        QuotePricing.Priced priced = pricing.price(currency, bookId, in.lines(), discount, errors);
        errors.throwIfAny();
        var t = priced.totals();
        QuoteStore.Header h = new QuoteStore.Header(customer.id(), in.contactId(), in.opportunityId(), bookId, currency,
                in.validUntil(), discount, in.terms() == null || in.terms().isBlank() ? null : in.terms().trim(), owner,
                t.subtotal(), t.discount(), t.tax(), t.total());
        return new Valid(h, priced);
    }

    QuoteView view(QuoteStore.Row r, List<QuoteLineView> lines) {
        String name = parties.customerNames(List.of(r.customerId())).get(r.customerId());
        return view(r, lines, name, parties.userSummaries(List.of(r.ownerId())));
    }

    private QuoteView view(QuoteStore.Row r, List<QuoteLineView> lines, String customerName, Map<Long, UserSummary> owners) {
        int scale = dev.rapport.sales.domain.QuoteTotals.scaleOf(r.currency());
        boolean needs = !lines.isEmpty() && pricing.policy().needsApproval(r.discountPercent(),
                lines.stream().map(QuoteLineView::discountPercent).toList(),
                dev.rapport.sales.domain.QuoteTotals.compute(r.currency(), lines.stream().map(l -> new dev.rapport.sales.domain.QuoteTotals.Line(
                        l.quantity(), l.unitPrice(), l.discountPercent(), l.taxRate())).toList(), r.discountPercent()));
        UserSummary owner = owners.get(r.ownerId());
        return new QuoteView(r.id(), r.number(), r.baseNumber(), r.revision(), r.customerId(), customerName, r.contactId(),
                r.opportunityId(), r.priceBookId(), r.currency(), r.validUntil(), plain(r.discountPercent()),
                r.subtotal().setScale(scale), r.discountAmount().setScale(scale), r.taxAmount().setScale(scale),
                r.total().setScale(scale), r.status(), r.terms(), r.ownerId(), owner == null ? null : owner.name(), r.sentTo(),
                r.sentAt(), r.supersededBy(), needs, r.version(), r.createdAt(), r.updatedAt(), lines.stream().map(l -> scaled(l, scale)).toList());
    }

    private static QuoteLineView scaled(QuoteLineView l, int scale) {
        return new QuoteLineView(l.id(), l.position(), l.productId(), l.description(), l.unit(), plain(l.quantity()),
                plain(l.unitPrice()), l.priceOverridden(), plain(l.discountPercent()),
                plain(l.taxRate()), l.netAmount().setScale(scale), l.taxAmount().setScale(scale), l.lineTotal().setScale(scale));
    }

    /** Without trailing zeros, and never in exponent notation (2E+1) in JSON or on a page. */
    static BigDecimal plain(BigDecimal b) {
        BigDecimal s = b.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
