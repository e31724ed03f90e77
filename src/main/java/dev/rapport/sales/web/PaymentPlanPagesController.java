package dev.rapport.sales.web;

import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.ContractManagement;
import dev.rapport.sales.ContractStatus;
import dev.rapport.sales.ContractView;
import dev.rapport.sales.InstalmentInput;
import dev.rapport.sales.InstalmentView;
import dev.rapport.sales.OrderManagement;
import dev.rapport.sales.OrderStatus;
import dev.rapport.sales.PaymentManagement;
import dev.rapport.sales.PaymentPlan;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Editing the payment plan (回款计划) of an order or a contract on its page, with htmx: the plan
 * card turns into an editor with one row per instalment, "Add instalment" appends a blank row,
 * saving re-renders the editor with the typed rows and the errors, or reloads the page on success
 * (the instalments' ids changed, and the payment form lists them).
 */
@Controller
class PaymentPlanPagesController {

    /** A row of the editor as shown: what was typed, and what is paid on it (zero for a new row). */
    record PlanRow(Long id, String dueOn, String amount, BigDecimal paid) {
    }

    /** An error of the editor: the row it is on (1-based, null for the whole plan) and the part of the row. */
    record PlanError(Integer row, String part, String field, String messageKey, List<Object> args) {
    }

    private static final Pattern ROW_FIELD = Pattern.compile("instalments\\[(\\d+)]\\.(\\w+)");

    private final OrderManagement orders;
    private final ContractManagement contracts;
    private final PaymentManagement payments;
    private final UserManagement users;

    PaymentPlanPagesController(OrderManagement orders, ContractManagement contracts, PaymentManagement payments,
                               UserManagement users) {
        this.orders = orders;
        this.contracts = contracts;
        this.payments = payments;
        this.users = users;
    }

    @GetMapping("/{kind:orders|contracts}/{id}/payment-plan/edit")
    String edit(@PathVariable String kind, @PathVariable long id, Model model) {
        CurrentUser me = users.current();
        PaymentPlan plan = editable(me, kind, id);
        List<PlanRow> rows = plan.instalments().stream()
                .map(i -> new PlanRow(i.id(), i.dueOn().toString(), i.amount().toPlainString(), i.paid())).toList();
        return editor(kind, id, plan, rows.isEmpty() ? List.of(blank()) : rows, plan.version(), model);
    }

    @GetMapping("/{kind:orders|contracts}/{id}/payment-plan/row")
    String row(@PathVariable String kind, @PathVariable long id, Model model) {
        editable(users.current(), kind, id);
        model.addAttribute("r", blank());
        return "sales/payments :: planRow(r=${r})";
    }

    @PostMapping("/{kind:orders|contracts}/{id}/payment-plan")
    String save(@PathVariable String kind, @PathVariable long id, @RequestParam long version,
                @RequestParam(required = false) List<String> instalmentId, @RequestParam(required = false) List<String> dueOn,
                @RequestParam(required = false) List<String> amount, HtmxRequest htmx, HttpServletResponse response, Model model) {
        CurrentUser me = users.current();
        PaymentPlan current = editable(me, kind, id);
        List<PlanRow> typed = typed(current, instalmentId, dueOn, amount);
        try {
            payments.replacePlan(me, type(kind), id, version, inputs(typed));
        } catch (InvalidInputException e) {
            model.addAttribute("planErrors", e.errors().stream().map(PaymentPlanPagesController::planError).toList());
            return editor(kind, id, current, typed, version, model);
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
            return editor(kind, id, current, typed, current.version(), model);
        }
        String page = "/" + kind + "/" + id;
        if (htmx.isHtmxRequest()) {
            // a reload, not HX-Redirect: the page's address may differ from the target only by its #fragment,
            // and the browser would then just scroll instead of loading the new plan
            response.setHeader("HX-Refresh", "true");
            model.addAttribute("plan", payments.plan(me, type(kind), id));
            model.addAttribute("base", page);
            return "sales/payments :: plan(plan=${plan}, base=${base}, canEdit=true)";
        }
        return "redirect:" + page + "#payment-plan";
    }

    private String editor(String kind, long id, PaymentPlan plan, List<PlanRow> rows, long version, Model model) {
        model.addAttribute("plan", plan);
        model.addAttribute("base", "/" + kind + "/" + id);
        model.addAttribute("rows", rows);
        model.addAttribute("version", version);
        return "sales/payments :: editor";
    }

    /** The plan, if this user may change it; a plan that may not change is refused like a bad request. */
    private PaymentPlan editable(CurrentUser me, String kind, long id) {
        me.require("order", "edit");
        boolean plannable;
        if (kind.equals("orders")) {
            plannable = !OrderStatus.CANCELLED.key().equals(orders.get(me, id).status());
        } else {
            ContractView c = contracts.get(me, id);
            plannable = c.orderId() == null && !ContractStatus.TERMINATED.key().equals(c.status());
        }
        if (!plannable) {
            throw new InvalidInputException("instalments", kind.equals("orders") ? "error.payment.planCancelled" : "error.payment.planContract");
        }
        return payments.plan(me, type(kind), id);
    }

    private static String type(String kind) {
        return kind.equals("orders") ? "order" : "contract";
    }

    private static PlanRow blank() {
        return new PlanRow(null, "", "", BigDecimal.ZERO.setScale(2));
    }

    private static List<PlanRow> typed(PaymentPlan current, List<String> ids, List<String> dueOn, List<String> amount) {
        Map<Long, InstalmentView> byId = current.instalments().stream().collect(Collectors.toMap(InstalmentView::id, Function.identity()));
        List<PlanRow> out = new ArrayList<>();
        int n = dueOn == null ? 0 : dueOn.size();
        for (int i = 0; i < n; i++) {
            Long id = null;
            String raw = ids == null || i >= ids.size() ? "" : ids.get(i).trim();
            if (!raw.isEmpty()) {
                try {
                    id = Long.valueOf(raw);
                } catch (NumberFormatException e) {
                    id = -1L;
                }
            }
            InstalmentView old = id == null ? null : byId.get(id);
            out.add(new PlanRow(id, dueOn.get(i).trim(), amount == null || i >= amount.size() ? "" : amount.get(i).trim(),
                    old == null ? BigDecimal.ZERO.setScale(2) : old.paid()));
        }
        return out;
    }

    /** The typed rows as input; a date or number that is not one is reported on its row before anything is tried. */
    private static List<InstalmentInput> inputs(List<PlanRow> rows) {
        var errors = new InvalidInputException.Collector();
        List<InstalmentInput> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            PlanRow r = rows.get(i);
            LocalDate due = null;
            BigDecimal value = null;
            if (!r.dueOn().isEmpty()) {
                try {
                    due = LocalDate.parse(r.dueOn());
                } catch (DateTimeParseException e) {
                    errors.reject("instalments[" + i + "].dueOn", "error.date.invalid");
                }
            }
            if (!r.amount().isEmpty()) {
                try {
                    value = new BigDecimal(r.amount().replace(",", ""));
                } catch (NumberFormatException e) {
                    errors.reject("instalments[" + i + "].amount", "error.number.invalid");
                }
            }
            out.add(new InstalmentInput(r.id(), due, value));
        }
        errors.throwIfAny();
        return out;
    }

    private static PlanError planError(InvalidInputException.FieldError e) {
        Matcher m = ROW_FIELD.matcher(e.field());
        if (m.matches()) {
            return new PlanError(Integer.parseInt(m.group(1)) + 1, m.group(2).equals("id") ? "instalmentId" : m.group(2), e.field(),
                    e.messageKey(), e.args());
        }
        return new PlanError(null, e.field(), e.field(), e.messageKey(), e.args());
    }
}
