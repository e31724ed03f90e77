package dev.rapport.sales;

import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.OwnerScope;
import dev.rapport.platform.Cursor;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.domain.ContractStore;
import dev.rapport.sales.domain.OrderStore;
import dev.rapport.sales.domain.PaymentStore;
import dev.rapport.sales.domain.StoredOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment plans (回款计划) and payments received (回款) on orders and contracts, visible and
 * changeable by whoever may see and edit the order or contract ({@code order:*}). A plan must add up
 * to the order's total and can be replaced only while nothing has been paid. A payment may not
 * exceed what is still owed; it goes to the chosen instalment first, the rest to the oldest open
 * instalments. Overdue = instalments past their due day and not fully paid.
 */
@Service
public class PaymentManagement {

    public static final Set<String> METHODS = Set.of("bank-transfer", "cash", "cheque", "card", "alipay", "wechat", "other");
    public static final int MAX_INSTALMENTS = 120;

    private final PaymentStore store;
    private final OrderManagement orders;
    private final ContractManagement contracts;
    private final Stores stores;
    private final OrderCollaborators with;

    /** The parents' stores, grouped: payments change their paid amount and version. */
    @org.springframework.stereotype.Component
    static class Stores {
        final OrderStore orders;
        final ContractStore contracts;

        Stores(OrderStore orders, ContractStore contracts) {
            this.orders = orders;
            this.contracts = contracts;
        }
    }

    PaymentManagement(PaymentStore store, OrderManagement orders, ContractManagement contracts, Stores stores,
                      OrderCollaborators with) {
        this.store = store;
        this.orders = orders;
        this.contracts = contracts;
        this.stores = stores;
        this.with = with;
    }

    /** What a payment plan hangs on: an order or a contract, checked for scope. */
    /** {@code plannable}: whether its plan may be changed (an order not cancelled, a contract on its own not terminated). */
    private record Target(PaymentStore.Parent parent, BigDecimal total, BigDecimal paid, boolean owed, boolean plannable,
                          long version) {
    }

    private Target target(CurrentUser user, String type, long id) {
        if ("order".equals(type)) {
            StoredOrder o = orders.visible(user, id);
            return new Target(orders.parent(o), o.total(), o.paid(), OrderStatus.parse(o.status()).isPurchase(),
                    OrderStatus.parse(o.status()) != OrderStatus.CANCELLED, o.version());
        }
        if ("contract".equals(type)) {
            ContractView c = contracts.visible(user, id);
            return new Target(contracts.parent(c), c.amount(), c.paid(),
                    c.orderId() == null && ContractStatus.ACTIVE.key().equals(c.status()),
                    c.orderId() == null && !ContractStatus.TERMINATED.key().equals(c.status()), c.version());
        }
        throw new NotFoundException(type, id);
    }

    public PaymentPlan plan(CurrentUser user, String type, long id) {
        Target t = target(user, type, id);
        LocalDate today = with.today();
        List<InstalmentView> rows = new ArrayList<>();
        BigDecimal overdue = BigDecimal.ZERO.setScale(2);
        for (PaymentStore.Instalment i : store.instalments(t.parent().column(), id)) {
            boolean late = t.owed() && i.dueOn().isBefore(today) && i.open().signum() > 0;
            if (late) {
                overdue = overdue.add(i.open());
            }
            rows.add(new InstalmentView(i.id(), i.position(), i.dueOn(), i.amount(), i.paid(), i.open(), late));
        }
        BigDecimal receivable = t.owed() ? t.total().subtract(t.paid()) : BigDecimal.ZERO.setScale(2);
        return new PaymentPlan(type, id, t.parent().currency(), t.total(), t.paid(), receivable, overdue, rows,
                store.payments(t.parent().column(), id), t.version());
    }

    /**
     * Replaces the plan of an order (not cancelled) or of a contract carrying its own plan (not
     * terminated, not paid through an order); see {@link PaymentPlanRules} for what the new plan
     * must satisfy. Instalments kept by id keep their payments; the parent's version guards the change.
     */
    @Transactional
    public PaymentPlan replacePlan(CurrentUser user, String type, long id, long expectedVersion, List<InstalmentInput> instalments) {
        user.require("order", "edit");
        Target t = target(user, type, id);
        if (t.version() != expectedVersion) {
            throw new StaleVersionException(type, t.version());
        }
        if (!t.plannable()) {
            throw new InvalidInputException("instalments", "contract".equals(type) ? "error.payment.planContract" : "error.payment.planCancelled");
        }
        List<PaymentStore.Instalment> current = store.instalments(t.parent().column(), id);
        PaymentPlanRules.Revision plan = PaymentPlanRules.check(instalments, current, t.total());
        List<InstalmentInput> sorted = plan.instalments();
        store.revisePlan(t.parent(), sorted, plan.dropped(), t.owed());
        touch(type, id, t.version(), BigDecimal.ZERO);
        with.audit.recordChanges(type, id, "update", user.id(), List.of(new AuditLog.Change("payment_plan", describe(current),
                sorted.size() + " × " + sorted.get(0).dueOn() + "…" + sorted.get(sorted.size() - 1).dueOn())));
        return plan(user, type, id);
    }

    private static String describe(List<PaymentStore.Instalment> plan) {
        return plan.isEmpty() ? null : plan.size() + " × " + plan.get(0).dueOn() + "…" + plan.get(plan.size() - 1).dueOn();
    }

    /** Records a payment received on a confirmed order or an active contract and allocates it. */
    @Transactional
    public PaymentView record(CurrentUser user, PaymentInput in) {
        user.require("order", "edit");
        if ((in.orderId() == null) == (in.contractId() == null)) {
            throw new InvalidInputException("orderId", "error.payment.target");
        }
        String type = in.orderId() != null ? "order" : "contract";
        long id = in.orderId() != null ? in.orderId() : in.contractId();
        Target t = target(user, type, id);
        var errors = new InvalidInputException.Collector();
        BigDecimal owed = t.total().subtract(t.paid());
        if (!t.owed()) {
            errors.reject(type + "Id", "error.payment.notOwed");
        }
        if (in.amount() == null) {
            errors.reject("amount", "error.required");
        } else if (in.amount().signum() <= 0 || in.amount().scale() > 2) {
            errors.reject("amount", "error.order.amount");
        } else if (in.amount().compareTo(owed) > 0) {
            errors.reject("amount", "error.payment.tooMuch", owed);
        }
        LocalDate on = in.receivedOn() == null ? with.today() : in.receivedOn();
        if (on.isAfter(with.today().plusDays(1))) {
            errors.reject("receivedOn", "error.payment.future");
        }
        String method = in.method() == null || in.method().isBlank() ? "bank-transfer" : in.method().trim().toLowerCase();
        if (!METHODS.contains(method)) {
            errors.reject("method", "error.payment.method");
        }
        String reference = in.reference() == null || in.reference().isBlank() ? null : in.reference().trim();
        if (reference != null && reference.length() > 200) {
            errors.reject("reference", "error.tooLong", 200);
        }
        List<PaymentStore.Instalment> plan = store.instalments(t.parent().column(), id);
        if (in.instalmentId() != null && plan.stream().noneMatch(i -> i.id() == in.instalmentId())) {
            errors.reject("instalmentId", "error.payment.instalment");
        }
        errors.throwIfAny();
        BigDecimal amount = in.amount().setScale(2);
        Instant now = with.clock.instant();
        // the version check on the parent serialises concurrent payments: the loser gets a 409
        touch(type, id, t.version(), amount);
        long paymentId = store.insertPayment(t.parent().customerId(), t.parent().column(), id, on, amount, t.parent().currency(),
                method, reference, t.parent().ownerId(), user.id(), now);
        allocate(paymentId, plan, in.instalmentId(), amount);
        with.audit.recordChanges("payment", paymentId, "create", user.id(), List.of(new AuditLog.Change(type + "_id", null, id),
                new AuditLog.Change("amount", null, amount), new AuditLog.Change("received_on", null, on)));
        return store.payment(paymentId).orElseThrow();
    }

    private void allocate(long paymentId, List<PaymentStore.Instalment> plan, Long first, BigDecimal amount) {
        List<PaymentStore.Instalment> order = new ArrayList<>(plan);
        if (first != null) {
            order.sort(java.util.Comparator.comparing((PaymentStore.Instalment i) -> i.id() != first));
        }
        BigDecimal left = amount;
        for (PaymentStore.Instalment i : order) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal part = left.min(i.open());
            if (part.signum() > 0) {
                store.addPaid(i.id(), part);
                store.allocate(paymentId, i.id(), part);
                left = left.subtract(part);
            }
        }
    }

    private void touch(String type, long id, long version, BigDecimal paid) {
        if (type.equals("order")) {
            stores.orders.addPaid(id, version, paid, with.clock.instant());
        } else {
            stores.contracts.addPaid(id, version, paid, with.clock.instant());
        }
    }

    /** The clock due dates are judged by, for pages that show "today". */
    public java.time.Clock clock() {
        return with.clock;
    }

    public PaymentView get(CurrentUser user, long id) {
        user.require("order", "view");
        PaymentView p = store.payment(id).orElseThrow(() -> new NotFoundException("payment", id));
        if (!with.users.scopeOf(user).includes(p.ownerId())) {
            throw new NotFoundException("payment", id);
        }
        return p;
    }

    public CursorPage<PaymentView> list(CurrentUser user, Long customerId, String cursor, int limit) {
        user.require("order", "view");
        OwnerScope scope = with.users.scopeOf(user);
        Long before = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor).id();
        List<PaymentView> rows = store.list(scope.isAll() ? null : scope.owners(), customerId, before, limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = new Cursor("", rows.get(limit - 1).id()).encode();
        }
        return new CursorPage<>(rows, next);
    }
}
