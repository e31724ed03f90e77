package dev.rapport.sales;

import dev.rapport.customers.CustomerManagement;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.DataScope;
import dev.rapport.identity.OwnerScope;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.domain.OrderStore;
import dev.rapport.sales.domain.PaymentStore;
import dev.rapport.sales.query.ReceivableQuery;
import dev.rapport.platform.CursorPage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credit terms (信用条件), receivables (应收) and the risk flag (风险) per customer. Whoever may see
 * the customer and holds {@code order:view} sees these figures, which cover all of the customer's
 * orders and contracts (they are facts about the customer). Terms are changed by managers:
 * {@code order:edit} with a data scope wider than their own records.
 */
@Service
public class CreditManagement {

    /** Days of sales the days-sales-outstanding figure averages over. */
    static final int DSO_WINDOW_DAYS = 90;

    private final PaymentStore payments;
    private final OrderStore orders;
    private final CustomerManagement customers;
    private final OrderCollaborators with;
    private final ReceivableQuery query;

    CreditManagement(PaymentStore payments, OrderStore orders, CustomerManagement customers, OrderCollaborators with,
                     ReceivableQuery query) {
        this.query = query;
        this.payments = payments;
        this.orders = orders;
        this.customers = customers;
        this.with = with;
    }

    public CreditTerms terms(CurrentUser user, long customerId) {
        user.require("order", "view");
        customers.ref(user, customerId);
        return termsOf(customerId);
    }

    private CreditTerms termsOf(long customerId) {
        return with.terms.find(customerId).orElse(new CreditTerms(customerId, with.policy.defaultTermDays(), null,
                with.policy.defaultCurrency(), false, 0, null));
    }

    /** Sets the terms; {@code expectedVersion} is the version read (ignored the first time, when none are stored). */
    @Transactional
    public CreditTerms saveTerms(CurrentUser user, long customerId, Long expectedVersion, Integer days, BigDecimal limit,
                                 String currency) {
        user.require("order", "edit");
        if (user.scope() == DataScope.OWN) {
            throw new AccessDeniedException("credit terms are set by managers");
        }
        customers.ref(user, customerId);
        var errors = new InvalidInputException.Collector();
        if (days == null) {
            errors.reject("paymentTermDays", "error.required");
        } else if (days < 0 || days > 3650) {
            errors.reject("paymentTermDays", "error.credit.days");
        }
        if (limit != null && (limit.signum() < 0 || limit.scale() > 2)) {
            errors.reject("creditLimit", "error.order.amount");
        }
        String cur = with.policy.currency(currency);
        if (cur == null) {
            errors.reject("currency", "error.order.currency");
        }
        errors.throwIfAny();
        CreditTerms old = termsOf(customerId);
        if (old.stored() && expectedVersion != null && expectedVersion != old.version()) {
            throw new StaleVersionException("credit terms", old.version());
        }
        with.terms.save(customerId, old.stored() ? old.version() : null, days, limit == null ? null : limit.setScale(2), cur,
                user.id(), with.clock.instant());
        with.audit.recordChanges("credit_terms", customerId, old.stored() ? "update" : "create", user.id(), List.of(
                new AuditLog.Change("payment_term_days", old.stored() ? old.paymentTermDays() : null, days),
                new AuditLog.Change("credit_limit", old.creditLimit(), limit), new AuditLog.Change("currency", old.currency(), cur)));
        return termsOf(customerId);
    }

    public ReceivableOverview overview(CurrentUser user, long customerId) {
        user.require("order", "view");
        customers.ref(user, customerId);
        LocalDate today = with.today();
        List<ReceivableSummary> amounts = amounts(customerId, today);
        CreditTerms terms = termsOf(customerId);
        long[] counts = orders.purchaseCounts(customerId);
        return new ReceivableOverview(customerId, counts[0], counts[1], BuyerLabel.of(counts[0], counts[1]).key(), amounts, terms,
                CreditRiskRules.assess(terms, amounts, with.policy.longTermDays()));
    }

    private List<ReceivableSummary> amounts(long customerId, LocalDate today) {
        Map<String, BigDecimal> sales = orders.salesSince(customerId, today.minusDays(DSO_WINDOW_DAYS));
        List<ReceivableSummary> out = new ArrayList<>();
        for (PaymentStore.Owed o : payments.owed(customerId, today, today.minusDays(with.policy.overdueDays()))) {
            BigDecimal sold = sales.get(o.currency());
            Integer dso = sold == null || sold.signum() == 0 ? null
                    : o.receivable().multiply(BigDecimal.valueOf(DSO_WINDOW_DAYS)).divide(sold, 0, RoundingMode.HALF_UP).intValue();
            out.add(new ReceivableSummary(customerId, o.currency(), o.receivable(), o.overdue(), o.overdueLong(), o.oldestDue(), dso));
        }
        return out;
    }

    /** Customers with overdue money in the user's scope (by order owner), the most overdue first. */
    public CursorPage<ReceivableRow> overdueCustomers(CurrentUser user, String cursor, int limit) {
        return receivables(user, null, true, cursor, limit);
    }

    /**
     * Customers with open money in the user's scope (by the owner of the order or contract),
     * optionally of one owner in that scope, only those with overdue money or all; the most overdue first.
     */
    public CursorPage<ReceivableRow> receivables(CurrentUser user, Long ownerId, boolean overdueOnly, String cursor, int limit) {
        user.require("order", "view");
        OwnerScope scope = with.users.scopeOf(user);
        if (ownerId != null && !scope.includes(ownerId)) {
            throw new InvalidInputException("ownerId", "error.owner.invalid");
        }
        LocalDate today = with.today();
        CursorPage<ReceivableQuery.OpenRow> page = query.list(scope, ownerId, overdueOnly, today, cursor, limit);
        Map<Long, String> names = customers.names(page.items().stream().map(ReceivableQuery.OpenRow::customerId).toList());
        return new CursorPage<>(page.items().stream().map(r -> new ReceivableRow(r.customerId(), names.get(r.customerId()),
                r.currency(), r.receivable(), r.overdue(), r.oldestDueOn(),
                r.overdue().signum() > 0 ? Math.max(0, ChronoUnit.DAYS.between(r.oldestDueOn(), today)) : 0)).toList(), page.next());
    }
}
