package dev.rapport.sales;

import dev.rapport.platform.InvalidInputException;
import dev.rapport.sales.domain.PaymentStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a new payment plan must satisfy against the current one, apart from storage so it can be
 * checked on its own: at least one and at most {@value PaymentManagement#MAX_INSTALMENTS}
 * instalments, each with a day and a positive amount in cents, adding up to the total; an
 * instalment kept from the current plan keeps what was paid on it, so its amount may not fall
 * below that, and an instalment with money on it may not be dropped (payments stay where they
 * were allocated: no silent re-allocation).
 */
final class PaymentPlanRules {

    private PaymentPlanRules() {
    }

    /** The accepted plan: the input sorted by due day, amounts at cents, and the current instalments it drops. */
    record Revision(List<InstalmentInput> instalments, List<Long> dropped) {
    }

    static Revision check(List<InstalmentInput> input, List<PaymentStore.Instalment> current, BigDecimal total) {
        var errors = new InvalidInputException.Collector();
        List<InstalmentInput> in = input == null ? List.of() : input;
        if (in.isEmpty() || in.size() > PaymentManagement.MAX_INSTALMENTS) {
            errors.reject("instalments", "error.payment.planSize", PaymentManagement.MAX_INSTALMENTS);
        }
        Map<Long, PaymentStore.Instalment> byId = current.stream()
                .collect(Collectors.toMap(PaymentStore.Instalment::id, Function.identity()));
        Set<Long> kept = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < in.size(); i++) {
            InstalmentInput x = in.get(i);
            PaymentStore.Instalment old = x.id() == null ? null : byId.get(x.id());
            if (x.id() != null && (old == null || !kept.add(x.id()))) {
                errors.reject("instalments[" + i + "].id", "error.payment.instalment");
            }
            if (x.dueOn() == null) {
                errors.reject("instalments[" + i + "].dueOn", "error.required");
            }
            if (x.amount() == null || x.amount().signum() <= 0 || x.amount().stripTrailingZeros().scale() > 2) {
                errors.reject("instalments[" + i + "].amount", "error.order.amount");
            } else {
                sum = sum.add(x.amount());
                if (old != null && x.amount().compareTo(old.paid()) < 0) {
                    errors.reject("instalments[" + i + "].amount", "error.payment.belowPaid", old.paid().toPlainString());
                }
            }
        }
        for (PaymentStore.Instalment old : current) {
            if (old.paid().signum() > 0 && !kept.contains(old.id())) {
                errors.reject("instalments", "error.payment.paidDropped", old.position(), old.paid().toPlainString());
            }
        }
        if (!errors.hasErrors() && sum.compareTo(total) != 0) {
            errors.reject("instalments", "error.payment.planSumIs", total.setScale(2).toPlainString(),
                    sum.setScale(2).toPlainString());
        }
        errors.throwIfAny();
        List<InstalmentInput> sorted = in.stream()
                .map(x -> new InstalmentInput(x.id(), x.dueOn(), x.amount().setScale(2)))
                .sorted(Comparator.comparing(InstalmentInput::dueOn)).toList();
        List<Long> dropped = current.stream().map(PaymentStore.Instalment::id).filter(id -> !kept.contains(id)).toList();
        return new Revision(sorted, dropped);
    }

    /**
     * A draft's own plan fitted to the draft's edited total: {@code instalments} to revise it to, an
     * empty list to discard it, or null when it stays as it is.
     */
    record DraftFit(List<InstalmentInput> instalments) {

        static final DraftFit KEPT = new DraftFit(null);

        boolean discarded() {
            return instalments != null && instalments.isEmpty();
        }
    }

    /**
     * What becomes of the own payment plan of a draft (contract or order) whose total changes to
     * {@code total}, as the user chose ({@link PlanAdjustment}): a plan that still adds up stays
     * whatever was chosen; otherwise KEEP refuses the edit on {@code field} with {@code mismatchKey}
     * naming the plan's sum ({0}, in {@code currency}, the draft's before the edit) and its number of
     * instalments ({1}), SCALE scales it (refused when an instalment would not stay above zero) and
     * DISCARD drops it. Decides only: the caller writes the result.
     */
    static DraftFit fitDraft(List<PaymentStore.Instalment> plan, String currency, BigDecimal total, PlanAdjustment adjustment,
                             String field, String mismatchKey) {
        if (sum(plan).compareTo(total) == 0) {
            return DraftFit.KEPT;
        }
        return switch (adjustment) {
            case DISCARD -> new DraftFit(List.of());
            case SCALE -> new DraftFit(scaled(plan, total)
                    .orElseThrow(() -> new InvalidInputException(field, "error.contract.planScale", plan.size())));
            case KEEP -> throw new InvalidInputException(field, mismatchKey, currency + " " + sum(plan).toPlainString(), plan.size());
        };
    }

    /**
     * Writes what {@link #fitDraft} decided for the draft {@code parent}'s own plan: drops it,
     * revises it, or leaves its amounts; the plan then follows the draft's currency and owner (a
     * draft's plan carries no payments). Answers the plan as then described, null when dropped.
     */
    static String applyDraftFit(PaymentStore payments, PaymentStore.Parent parent, DraftFit fit) {
        if (fit.discarded()) {
            payments.replacePlan(parent, List.of(), List.of(), false);
            return null;
        }
        if (fit.instalments() != null) {
            payments.revisePlan(parent, fit.instalments(), List.of(), false);
        }
        payments.restamp(parent);
        return describe(payments.instalments(parent.column(), parent.id()));
    }

    /**
     * The plan scaled to a new total, for a draft whose total changes: each instalment in
     * proportion, at cents, on its own due day, the last one taking what rounding left over. Empty
     * when an instalment would not stay above zero (a new total of zero, or too few cents to share).
     */
    static Optional<List<InstalmentInput>> scaled(List<PaymentStore.Instalment> plan, BigDecimal total) {
        BigDecimal sum = plan.stream().map(PaymentStore.Instalment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (plan.isEmpty() || sum.signum() <= 0) {
            return Optional.empty();
        }
        List<InstalmentInput> out = new ArrayList<>(plan.size());
        BigDecimal left = total.setScale(2, RoundingMode.UNNECESSARY);
        for (int i = 0; i < plan.size(); i++) {
            PaymentStore.Instalment x = plan.get(i);
            BigDecimal part = i == plan.size() - 1 ? left : x.amount().multiply(total).divide(sum, 2, RoundingMode.HALF_UP);
            if (part.signum() <= 0) {
                return Optional.empty();
            }
            left = left.subtract(part);
            out.add(new InstalmentInput(x.id(), x.dueOn(), part));
        }
        return Optional.of(out);
    }

    /** The sum of a plan's instalments at cents. */
    static BigDecimal sum(List<PaymentStore.Instalment> plan) {
        return plan.stream().map(PaymentStore.Instalment::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }

    /** A plan as its audit entries show it: how many instalments, first and last due day, and their sum. */
    static String describe(List<PaymentStore.Instalment> plan) {
        return plan.isEmpty() ? null : plan.size() + " × " + plan.get(0).dueOn() + "…" + plan.get(plan.size() - 1).dueOn()
                + ", " + sum(plan).toPlainString();
    }
}
