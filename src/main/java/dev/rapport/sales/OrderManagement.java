package dev.rapport.sales;

import dev.rapport.customers.CustomerManagement;
import dev.rapport.customers.CustomerRef;
import dev.rapport.identity.AuditEntry;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserSummary;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.domain.OrderPricing;
import dev.rapport.sales.domain.OrderStore;
import dev.rapport.sales.domain.PaymentStore;
import dev.rapport.sales.domain.StoredOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders (订单). An order is visible to users whose data scope includes its owner (anyone else gets
 * "not found"); its customer must be visible to whoever creates it. Lines are editable while the
 * order is a draft; confirming it makes it a purchase: the customer becomes current (现实客户),
 * and its payment plan (one instalment due after the customer's payment term, unless a plan was
 * set) starts counting as receivable. A plan set on a draft is never dropped or changed unasked by
 * an edit of the draft ({@link #update}). Every change is audited in the same transaction.
 */
@Service
public class OrderManagement {

    private final OrderStore store;
    private final PaymentStore payments;
    private final CustomerManagement customers;
    private final OrderCollaborators with;

    OrderManagement(OrderStore store, PaymentStore payments, CustomerManagement customers, OrderCollaborators with) {
        this.store = store;
        this.payments = payments;
        this.customers = customers;
        this.with = with;
    }

    /** Creates a draft order from lines (or a bare total); a quote hands its lines over the same way. */
    @Transactional
    public OrderView create(CurrentUser user, OrderInput in) {
        user.require("order", "create");
        var errors = new InvalidInputException.Collector();
        CustomerRef customer = customerOf(user, in.customerId(), errors);
        Valid v = validate(user, in, errors, user.id());
        String number = in.number() == null || in.number().isBlank() ? null : in.number().trim();
        if (number != null && (number.length() > 40 || store.numberTaken(number))) {
            errors.reject("number", number.length() > 40 ? "error.tooLong" : "error.order.numberTaken", 40);
        }
        errors.throwIfAny();
        Instant now = with.clock.instant();
        if (number == null) {
            number = store.nextNumber(v.orderDate.getYear());
        }
        long id = store.insert(number, customer.id(), in.contactId(), v.orderDate, v.currency, v.totals, OrderStatus.DRAFT.key(),
                v.ownerId, in.quoteId(), in.opportunityId(), v.notes, user.id(), now);
        store.insertLines(id, v.lines);
        with.audit.recordChanges("order", id, "create", user.id(), List.of(new AuditLog.Change("number", null, number),
                new AuditLog.Change("customer_id", null, customer.id()), new AuditLog.Change("total", null, v.totals.total()),
                new AuditLog.Change("currency", null, v.currency)));
        return get(user, id);
    }

    /**
     * Replaces a draft order's header and lines. A payment plan set on the draft is kept: an edit
     * whose new total the plan no longer adds up to is refused naming the plan's sum, unless {@code
     * plan} says to scale the plan to the new total or to discard it (see {@link PlanAdjustment};
     * confirming a draft without a plan makes the usual single instalment); an edit the plan still
     * fits leaves it as it is, following a new currency or owner. The plan's change is audited with
     * the order's.
     */
    @Transactional
    public OrderView update(CurrentUser user, long id, long expectedVersion, OrderInput in, PlanAdjustment plan) {
        user.require("order", "edit");
        if (plan == null) {
            throw new InvalidInputException("planAdjustment", "error.contract.planAdjustment");
        }
        StoredOrder old = visible(user, id);
        checkVersion(old, expectedVersion);
        if (!old.status().equals(OrderStatus.DRAFT.key())) {
            throw new InvalidInputException("status", "error.order.notDraft");
        }
        var errors = new InvalidInputException.Collector();
        Valid v = validate(user, in, errors, old.ownerId());
        errors.throwIfAny();
        List<PaymentStore.Instalment> instalments = payments.instalments("order_id", id);
        String planBefore = PaymentPlanRules.describe(instalments);
        String planAfter = planBefore;
        boolean planConcerned = old.total().compareTo(v.totals.total()) != 0 || !old.currency().equals(v.currency)
                || old.ownerId() != v.ownerId;
        if (planConcerned && !instalments.isEmpty()) {
            planAfter = adjustDraftPlan(old, v, instalments, plan);
        }
        store.replace(id, expectedVersion, in.contactId(), v.orderDate, v.currency, v.totals, v.ownerId, v.notes, v.lines,
                with.clock.instant());
        with.audit.recordChanges("order", id, "update", user.id(), List.of(
                new AuditLog.Change("order_date", old.orderDate(), v.orderDate), new AuditLog.Change("currency", old.currency(), v.currency),
                new AuditLog.Change("total", old.total(), v.totals.total()), new AuditLog.Change("owner_id", old.ownerId(), v.ownerId),
                new AuditLog.Change("payment_plan", planBefore, planAfter)));
        return get(user, id);
    }

    /** Fits a draft's own plan to its edited total, currency and owner as {@code adjustment} says; answers the plan as then described. */
    private String adjustDraftPlan(StoredOrder old, Valid v, List<PaymentStore.Instalment> instalments, PlanAdjustment adjustment) {
        PaymentStore.Parent parent = new PaymentStore.Parent("order_id", old.id(), old.customerId(), v.ownerId, v.currency);
        PaymentPlanRules.DraftFit fit = PaymentPlanRules.fitDraft(instalments, old.currency(), v.totals.total(), adjustment, "total",
                "error.order.planSum");
        return PaymentPlanRules.applyDraftFit(payments, parent, fit);
    }

    /** Change history (audit) of an order the user may see: its header, status and payment plan, newest first. */
    public CursorPage<AuditEntry> history(CurrentUser user, long id, String cursor, int limit) {
        visible(user, id);
        return with.audit.history("order", id, cursor, limit);
    }

    /** Confirms a draft: the customer bought. */
    @Transactional
    public OrderView confirm(CurrentUser user, long id, Long expectedVersion) {
        StoredOrder o = transition(user, id, expectedVersion, OrderStatus.DRAFT, OrderStatus.CONFIRMED);
        if (payments.instalments("order_id", id).isEmpty()) {
            LocalDate due = o.orderDate().plusDays(with.termDays(o.customerId()));
            payments.replacePlan(parent(o), List.of(due), List.of(o.total()), o.total().signum() > 0);
        } else {
            payments.setReceivable("order_id", id, true);
        }
        customers.recordPurchase(o.customerId(), o.orderDate());
        return get(user, id);
    }

    @Transactional
    public OrderView fulfil(CurrentUser user, long id, Long expectedVersion) {
        transition(user, id, expectedVersion, OrderStatus.CONFIRMED, OrderStatus.FULFILLED);
        return get(user, id);
    }

    /** Cancels a draft or confirmed order on which nothing has been paid; its plan stops counting as owed. */
    @Transactional
    public OrderView cancel(CurrentUser user, long id, Long expectedVersion) {
        StoredOrder o = visible(user, id);
        if (o.paid().signum() > 0) {
            throw new InvalidInputException("status", "error.order.paidCannotCancel");
        }
        OrderStatus from = OrderStatus.parse(o.status());
        transition(user, id, expectedVersion, from == OrderStatus.CONFIRMED ? OrderStatus.CONFIRMED : OrderStatus.DRAFT,
                OrderStatus.CANCELLED);
        payments.setReceivable("order_id", id, false);
        return get(user, id);
    }

    private StoredOrder transition(CurrentUser user, long id, Long expectedVersion, OrderStatus from, OrderStatus to) {
        user.require("order", "edit");
        StoredOrder o = visible(user, id);
        if (expectedVersion != null) {
            checkVersion(o, expectedVersion);
        }
        if (!o.status().equals(from.key())) {
            throw new InvalidInputException("status", "error.order.transition", o.status(), to.key());
        }
        store.setStatus(id, o.version(), to.key(), with.clock.instant());
        with.audit.recordChanges("order", id, "status", user.id(), List.of(new AuditLog.Change("status", o.status(), to.key())));
        return o;
    }

    public OrderView get(CurrentUser user, long id) {
        StoredOrder o = visible(user, id);
        return view(o, customers.names(List.of(o.customerId())).get(o.customerId()), store.lines(id));
    }

    /** The stored order if the user may see it; otherwise "not found", whether it exists or not. */
    public StoredOrder visible(CurrentUser user, long id) {
        user.require("order", "view");
        StoredOrder o = store.find(id).orElseThrow(() -> new NotFoundException("order", id));
        if (!with.users.scopeOf(user).includes(o.ownerId())) {
            throw new NotFoundException("order", id);
        }
        return o;
    }

    PaymentStore.Parent parent(StoredOrder o) {
        return new PaymentStore.Parent("order_id", o.id(), o.customerId(), o.ownerId(), o.currency());
    }

    OrderView view(StoredOrder o, String customerName, List<OrderLineView> lines) {
        String ownerName = with.users.find(o.ownerId()).map(UserSummary::name).orElse(null);
        BigDecimal receivable = OrderStatus.parse(o.status()).isPurchase() ? o.total().subtract(o.paid()) : BigDecimal.ZERO.setScale(2);
        return new OrderView(o.id(), o.number(), o.customerId(), customerName, o.contactId(), o.orderDate(), o.currency(),
                o.subtotal(), o.discountTotal(), o.taxTotal(), o.total(), o.paid(), receivable, o.status(), o.ownerId(),
                ownerName, o.quoteId(), o.opportunityId(), o.notes(), o.imported(), lines, o.version(), o.createdAt(), o.updatedAt());
    }

    private static void checkVersion(StoredOrder o, long expected) {
        if (o.version() != expected) {
            throw new StaleVersionException("order", o.version());
        }
    }

    private CustomerRef customerOf(CurrentUser user, Long customerId, InvalidInputException.Collector errors) {
        if (customerId == null) {
            errors.reject("customerId", "error.required");
            errors.throwIfAny();
        }
        try {
            return customers.ref(user, customerId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("customerId", "error.order.customer");
        }
    }

    private record Valid(LocalDate orderDate, String currency, List<OrderPricing.PricedLine> lines, OrderPricing.Totals totals,
                         long ownerId, String notes) {
    }

    /** {@code defaultOwner}: the owner when the input names none (the creator of a new order, the current owner of an edited one). */
    private Valid validate(CurrentUser user, OrderInput in, InvalidInputException.Collector errors, long defaultOwner) {
        String currency = with.policy.currency(in.currency());
        if (currency == null) {
            errors.reject("currency", "error.order.currency");
        }
        List<OrderLineInput> lineInputs = in.lines() == null ? List.of() : in.lines();
        List<OrderPricing.PricedLine> lines = OrderPricing.price(lineInputs, errors);
        OrderPricing.Totals totals = null;
        if (!lineInputs.isEmpty()) {
            totals = OrderPricing.totals(lines);
            if (in.total() != null && in.total().compareTo(totals.total()) != 0) {
                errors.reject("total", "error.order.totalMismatch", totals.total());
            }
        } else if (in.total() == null) {
            errors.reject("lines", "error.order.linesOrTotal");
        } else if (in.total().signum() < 0 || in.total().scale() > 2) {
            errors.reject("total", "error.order.amount");
        } else {
            totals = OrderPricing.totalOnly(in.total());
        }
        long owner = in.ownerId() == null ? defaultOwner : in.ownerId();
        if (with.users.find(owner).filter(UserSummary::active).isEmpty() || !with.users.scopeOf(user).includes(owner)) {
            errors.reject("ownerId", "error.owner.invalid");
        }
        String notes = in.notes() == null || in.notes().isBlank() ? null : in.notes().trim();
        if (notes != null && notes.length() > 4000) {
            errors.reject("notes", "error.tooLong", 4000);
        }
        return new Valid(Objects.requireNonNullElse(in.orderDate(), with.today()), currency, lines, totals, owner, notes);
    }
}
