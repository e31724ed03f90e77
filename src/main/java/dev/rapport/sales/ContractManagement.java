package dev.rapport.sales;

import dev.rapport.customers.CustomerManagement;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.OwnerScope;
import dev.rapport.identity.UserSummary;
import dev.rapport.platform.Cursor;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.domain.ContractStore;
import dev.rapport.sales.domain.PaymentStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contracts (合同), under the {@code order:*} permissions and the same owner scope as orders. A
 * contract linked to an order is paid through that order; a contract on its own carries its own
 * payment plan, owed from the day it becomes active (one instalment due after the customer's
 * payment term from signing, unless a plan was set).
 */
@Service
public class ContractManagement {

    private final ContractStore store;
    private final PaymentStore payments;
    private final CustomerManagement customers;
    private final OrderManagement orders;
    private final OrderCollaborators with;

    ContractManagement(ContractStore store, PaymentStore payments, CustomerManagement customers, OrderManagement orders,
                       OrderCollaborators with) {
        this.store = store;
        this.payments = payments;
        this.customers = customers;
        this.orders = orders;
        this.with = with;
    }

    @Transactional
    public ContractView create(CurrentUser user, ContractInput in) {
        return create(user, in, null);
    }

    /** A draft contract made from a quote (see {@link QuoteContracts}); the quote is recorded on it. */
    ContractView create(CurrentUser user, ContractInput in, Long quoteId) {
        user.require("order", "create");
        ContractStore.Fields v = validate(user, in, null);
        ContractStore.Fields f = new ContractStore.Fields(v.number(), v.customerId(), v.title(), v.startDate(), v.endDate(), v.amount(),
                v.currency(), v.signedOn(), v.orderId(), v.ownerId(), quoteId);
        long id = store.insert(f, ContractStatus.DRAFT.key(), user.id(), with.clock.instant());
        with.audit.recordChanges("contract", id, "create", user.id(), List.of(new AuditLog.Change("number", null, f.number()),
                new AuditLog.Change("customer_id", null, f.customerId()), new AuditLog.Change("amount", null, f.amount())));
        return get(user, id);
    }

    /**
     * Replaces a contract's fields. A contract carrying its own payment plan keeps it: a draft whose
     * new amount the plan no longer adds up to (or that gets linked to an order, which would pay it
     * instead) is refused naming the plan's sum, unless {@code plan} says to scale the plan to the new
     * amount or to discard it (see {@link PlanAdjustment}); an edit the plan still fits leaves it as it
     * is, following a new currency or owner. The plan's change is audited with the contract's. Once
     * active, the amount, currency, owner and order of a contract with its own plan are fixed.
     */
    @Transactional
    public ContractView update(CurrentUser user, long id, long expectedVersion, ContractInput in, PlanAdjustment plan) {
        user.require("order", "edit");
        if (plan == null) {
            throw new InvalidInputException("planAdjustment", "error.contract.planAdjustment");
        }
        ContractView old = visible(user, id);
        if (old.version() != expectedVersion) {
            throw new StaleVersionException("contract", old.version());
        }
        ContractStore.Fields f = validate(user, in, old);
        boolean planChanges = old.amount().compareTo(f.amount()) != 0 || !old.currency().equals(f.currency())
                || old.ownerId() != f.ownerId() || !java.util.Objects.equals(old.orderId(), f.orderId());
        List<PaymentStore.Instalment> instalments = payments.instalments("contract_id", id);
        String planBefore = PaymentPlanRules.describe(instalments);
        String planAfter = planBefore;
        if (planChanges && !instalments.isEmpty()) {
            if (!ContractStatus.DRAFT.key().equals(old.status())) {
                // its plan is owed and may carry payments: the amount and the plan would no longer agree
                throw new InvalidInputException("amount", "error.contract.planFixed");
            }
            planAfter = adjustDraftPlan(old, f, instalments, plan);
        }
        store.update(id, expectedVersion, f, with.clock.instant());
        with.audit.recordChanges("contract", id, "update", user.id(), List.of(new AuditLog.Change("title", old.title(), f.title()),
                new AuditLog.Change("amount", old.amount(), f.amount()), new AuditLog.Change("currency", old.currency(), f.currency()),
                new AuditLog.Change("signed_on", old.signedOn(), f.signedOn()),
                new AuditLog.Change("start_date", old.startDate(), f.startDate()), new AuditLog.Change("end_date", old.endDate(), f.endDate()),
                new AuditLog.Change("owner_id", old.ownerId(), f.ownerId()), new AuditLog.Change("order_id", old.orderId(), f.orderId()),
                new AuditLog.Change("payment_plan", planBefore, planAfter)));
        return get(user, id);
    }

    /** Fits a draft's own plan to its edited fields as {@code adjustment} says; answers the plan as then described. */
    private String adjustDraftPlan(ContractView old, ContractStore.Fields f, List<PaymentStore.Instalment> instalments,
                                   PlanAdjustment adjustment) {
        PaymentStore.Parent parent = new PaymentStore.Parent("contract_id", old.id(), old.customerId(), f.ownerId(), f.currency());
        PaymentPlanRules.DraftFit fit;
        if (f.orderId() != null) {
            // the order would pay the contract: its own plan can only go
            if (adjustment != PlanAdjustment.DISCARD) {
                throw new InvalidInputException("orderId", "error.contract.planOwn", instalments.size(),
                        old.currency() + " " + PaymentPlanRules.sum(instalments).toPlainString());
            }
            fit = new PaymentPlanRules.DraftFit(List.of());
        } else {
            fit = PaymentPlanRules.fitDraft(instalments, old.currency(), f.amount(), adjustment, "amount", "error.contract.planSum");
        }
        return PaymentPlanRules.applyDraftFit(payments, parent, fit);
    }

    /** Moves a contract along draft → active → expired/terminated. */
    @Transactional
    public ContractView changeStatus(CurrentUser user, long id, Long expectedVersion, ContractStatus to) {
        user.require("order", "edit");
        ContractView c = visible(user, id);
        if (expectedVersion != null && c.version() != expectedVersion) {
            throw new StaleVersionException("contract", c.version());
        }
        ContractStatus from = ContractStatus.parse(c.status());
        boolean allowed = (from == ContractStatus.DRAFT && (to == ContractStatus.ACTIVE || to == ContractStatus.TERMINATED))
                || (from == ContractStatus.ACTIVE && (to == ContractStatus.EXPIRED || to == ContractStatus.TERMINATED));
        if (to == null || !allowed) {
            throw new InvalidInputException("status", "error.order.transition", c.status(), to == null ? "?" : to.key());
        }
        store.setStatus(id, c.version(), to.key(), with.clock.instant());
        with.audit.recordChanges("contract", id, "status", user.id(), List.of(new AuditLog.Change("status", c.status(), to.key())));
        if (c.orderId() == null && to == ContractStatus.ACTIVE) {
            if (payments.instalments("contract_id", id).isEmpty()) {
                LocalDate from0 = c.signedOn() != null ? c.signedOn() : c.startDate() != null ? c.startDate() : with.today();
                payments.replacePlan(parent(c), List.of(from0.plusDays(with.termDays(c.customerId()))), List.of(c.amount()),
                        c.amount().signum() > 0);
            } else {
                payments.setReceivable("contract_id", id, true);
            }
        } else if (to == ContractStatus.TERMINATED) {
            payments.setReceivable("contract_id", id, false);
        }
        return get(user, id);
    }

    public ContractView get(CurrentUser user, long id) {
        return named(List.of(visible(user, id))).get(0);
    }

    public ContractView visible(CurrentUser user, long id) {
        user.require("order", "view");
        ContractView c = store.find(id).orElseThrow(() -> new NotFoundException("contract", id));
        if (!with.users.scopeOf(user).includes(c.ownerId())) {
            throw new NotFoundException("contract", id);
        }
        return c;
    }

    public CursorPage<ContractView> list(CurrentUser user, Long customerId, String status, String q, String cursor, int limit) {
        user.require("order", "view");
        OwnerScope scope = with.users.scopeOf(user);
        Long before = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor).id();
        String s = status == null || status.isBlank() ? null : status.trim().toLowerCase();
        String query = q == null || q.isBlank() ? null : q.trim();
        List<ContractView> rows = store.list(scope.isAll() ? null : scope.owners(), customerId, s, query, before, limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = new Cursor("", rows.get(limit - 1).id()).encode();
        }
        return new CursorPage<>(named(rows), next);
    }

    /** The contracts paid through an order the user can see (those in the user's scope). */
    public List<ContractView> ofOrder(CurrentUser user, long orderId) {
        orders.visible(user, orderId);
        OwnerScope scope = with.users.scopeOf(user);
        return named(store.ofOrder(orderId).stream().filter(c -> scope.includes(c.ownerId())).toList());
    }

    PaymentStore.Parent parent(ContractView c) {
        return new PaymentStore.Parent("contract_id", c.id(), c.customerId(), c.ownerId(), c.currency());
    }

    private List<ContractView> named(List<ContractView> rows) {
        Map<Long, String> names = customers.names(rows.stream().map(ContractView::customerId).toList());
        Map<Long, UserSummary> owners = with.users.summaries(rows.stream().map(ContractView::ownerId).toList());
        return rows.stream().map(c -> new ContractView(c.id(), c.number(), c.customerId(), names.get(c.customerId()), c.title(),
                c.startDate(), c.endDate(), c.amount(), c.paid(), c.currency(), c.status(), c.signedOn(), c.orderId(), c.quoteId(), c.ownerId(),
                owners.containsKey(c.ownerId()) ? owners.get(c.ownerId()).name() : null, c.version(), c.createdAt(),
                c.updatedAt())).toList();
    }

    private ContractStore.Fields validate(CurrentUser user, ContractInput in, ContractView old) {
        var errors = new InvalidInputException.Collector();
        long customerId;
        if (old != null) {
            customerId = old.customerId();
        } else if (in.customerId() == null) {
            throw new InvalidInputException("customerId", "error.required");
        } else {
            try {
                customerId = customers.ref(user, in.customerId()).id();
            } catch (NotFoundException e) {
                throw new InvalidInputException("customerId", "error.order.customer");
            }
        }
        String title = in.title() == null ? "" : in.title().trim();
        if (title.isEmpty()) {
            errors.reject("title", "error.required");
        } else if (title.length() > 300) {
            errors.reject("title", "error.tooLong", 300);
        }
        BigDecimal amount = in.amount();
        if (amount == null) {
            errors.reject("amount", "error.required");
        } else if (amount.signum() < 0 || amount.scale() > 2) {
            errors.reject("amount", "error.order.amount");
        }
        String currency = with.policy.currency(in.currency());
        if (currency == null) {
            errors.reject("currency", "error.order.currency");
        }
        if (in.startDate() != null && in.endDate() != null && in.endDate().isBefore(in.startDate())) {
            errors.reject("endDate", "error.contract.endBeforeStart");
        }
        if (in.orderId() != null) {
            try {
                if (orders.visible(user, in.orderId()).customerId() != customerId) {
                    errors.reject("orderId", "error.contract.orderCustomer");
                }
            } catch (NotFoundException e) {
                errors.reject("orderId", "error.contract.orderCustomer");
            }
        }
        long owner = in.ownerId() != null ? in.ownerId() : old != null ? old.ownerId() : user.id();
        if (with.users.find(owner).filter(UserSummary::active).isEmpty() || !with.users.scopeOf(user).includes(owner)) {
            errors.reject("ownerId", "error.owner.invalid");
        }
        String number = old != null ? old.number() : in.number() == null || in.number().isBlank() ? null : in.number().trim();
        if (old == null && number != null && (number.length() > 40 || store.numberTaken(number))) {
            errors.reject("number", "error.order.numberTaken");
        }
        errors.throwIfAny();
        if (number == null) {
            int year = (in.signedOn() != null ? in.signedOn() : with.today()).getYear();
            number = store.nextNumber(year);
        }
        return new ContractStore.Fields(number, customerId, title, in.startDate(), in.endDate(), amount.setScale(2), currency,
                in.signedOn(), in.orderId(), owner, null);
    }
}
