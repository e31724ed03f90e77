package dev.rapport.sales.web;

import dev.rapport.customers.CustomerManagement;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.InstalmentView;
import dev.rapport.sales.OrderInput;
import dev.rapport.sales.OrderLineInput;
import dev.rapport.sales.OrderManagement;
import dev.rapport.sales.OrderStatus;
import dev.rapport.sales.OrderView;
import dev.rapport.sales.PaymentManagement;
import dev.rapport.sales.PaymentPlan;
import dev.rapport.sales.PlanAdjustment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The order form: a new order from lines or a total, and the edit of a draft (header, owner, lines)
 * with, when the draft has a payment plan, the choice of what becomes of the plan if the total changes.
 */
@Controller
class OrderFormController {

    static final int FORM_LINES = 5;

    private final OrderManagement orders;
    private final PaymentManagement payments;
    private final CustomerManagement customers;
    private final UserManagement users;

    OrderFormController(OrderManagement orders, PaymentManagement payments, CustomerManagement customers, UserManagement users) {
        this.orders = orders;
        this.payments = payments;
        this.customers = customers;
        this.users = users;
    }

    @GetMapping("/orders/new")
    String newForm(@RequestParam long customerId, @RequestParam(required = false) String orderDate, Model model) {
        CurrentUser me = users.current();
        me.require("order", "create");
        model.addAttribute("customer", customers.ref(me, customerId));
        model.addAttribute("form", typed(orderDate, "CNY", null, null, null));
        model.addAttribute("rows", rows(List.of()));
        return "sales/order-form";
    }

    @PostMapping("/orders")
    String create(@RequestParam long customerId, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate orderDate,
                  @RequestParam(required = false) String currency, @RequestParam(required = false) String total,
                  @RequestParam(required = false) List<String> description, @RequestParam(required = false) List<String> quantity,
                  @RequestParam(required = false) List<String> unitPrice, @RequestParam(required = false) List<String> discount,
                  @RequestParam(required = false) List<String> taxRate, @RequestParam(required = false) String notes, Model model) {
        CurrentUser me = users.current();
        try {
            List<OrderLineInput> lines = lines(null, description, quantity, unitPrice, discount, taxRate);
            OrderView o = orders.create(me, new OrderInput(customerId, null, null, orderDate, currency, lines,
                    lines.isEmpty() ? total(total) : null, null, null, null, notes));
            return "redirect:/orders/" + o.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("customer", customers.ref(me, customerId));
            model.addAttribute("form", typed(orderDate == null ? null : orderDate.toString(), currency, null, total, notes));
            model.addAttribute("rows", typedRows(null, description, quantity, unitPrice, discount, taxRate));
            return "sales/order-form";
        }
    }

    /** The edit form of a draft order: header, owner, lines and, when the draft has a payment plan, what becomes of it. */
    @GetMapping("/orders/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        CurrentUser me = users.current();
        me.require("order", "edit");
        OrderView o = orders.get(me, id);
        if (!OrderStatus.DRAFT.key().equals(o.status())) {
            // only a draft is edited; the order page shows what it is now
            return "redirect:/orders/" + id;
        }
        Map<String, String> form = typed(o.orderDate().toString(), o.currency(), String.valueOf(o.ownerId()),
                o.lines().isEmpty() ? o.total().toPlainString() : null, o.notes());
        form.put("planAdjustment", PlanAdjustment.KEEP.key());
        List<FormLine> stored = o.lines().stream().map(l -> new FormLine(l.productId() == null ? "" : l.productId().toString(),
                l.description(), plain(l.quantity()), plain(l.unitPrice()), plain(l.discount()), plain(l.taxRate()))).toList();
        return editPage(me, o, form, rows(stored), o.version(), model);
    }

    /**
     * Saves the edit of a draft. A payment plan set on the draft is kept unless the user chose to
     * scale or discard it; when it was scaled or discarded the order page says so.
     */
    @PostMapping("/orders/{id}")
    String update(@PathVariable long id, @RequestParam long version,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate orderDate,
                  @RequestParam(required = false) String currency, @RequestParam(required = false) Long ownerId,
                  @RequestParam(required = false) String total, @RequestParam(required = false) List<String> productId,
                  @RequestParam(required = false) List<String> description, @RequestParam(required = false) List<String> quantity,
                  @RequestParam(required = false) List<String> unitPrice, @RequestParam(required = false) List<String> discount,
                  @RequestParam(required = false) List<String> taxRate, @RequestParam(required = false) String notes,
                  @RequestParam(required = false) String planAdjustment, Model model, RedirectAttributes redirect) {
        CurrentUser me = users.current();
        OrderView old = orders.get(me, id);
        PlanAdjustment adjustment = PlanAdjustment.parse(planAdjustment);
        try {
            List<OrderLineInput> lines = lines(productId, description, quantity, unitPrice, discount, taxRate);
            List<BigDecimal> before = instalmentAmounts(me, id);
            orders.update(me, id, version, new OrderInput(old.customerId(), old.contactId(), null, orderDate, currency, lines,
                    lines.isEmpty() ? total(total) : null, ownerId, old.quoteId(), old.opportunityId(), notes), adjustment);
            List<BigDecimal> after = instalmentAmounts(me, id);
            if (!before.isEmpty() && !before.equals(after)) {
                // the order page says what became of the plan (flash attributes stay plain: they live in the shared session store)
                redirect.addFlashAttribute("planNotice", after.isEmpty() ? "discarded" : "scaled");
            }
            return "redirect:/orders/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
        }
        Map<String, String> form = typed(orderDate == null ? null : orderDate.toString(), currency,
                ownerId == null ? null : ownerId.toString(), total, notes);
        form.put("planAdjustment", adjustment == null ? "" : adjustment.key());
        return editPage(me, old, form, typedRows(productId, description, quantity, unitPrice, discount, taxRate), version, model);
    }

    private String editPage(CurrentUser me, OrderView o, Map<String, String> form, List<FormLine> rows, long version, Model model) {
        model.addAttribute("order", o);
        model.addAttribute("version", version);
        model.addAttribute("form", form);
        model.addAttribute("rows", rows);
        model.addAttribute("owners", users.assignableOwners(me));
        // the choice is offered only where there is a plan it could concern
        PaymentPlan plan = payments.plan(me, "order", o.id());
        model.addAttribute("plan", plan.instalments().isEmpty() ? null : plan);
        return "sales/order-form";
    }

    private List<BigDecimal> instalmentAmounts(CurrentUser me, long id) {
        return payments.plan(me, "order", id).instalments().stream().map(InstalmentView::amount).toList();
    }

    /** A row of the order form as typed, or as stored when the form opens. */
    record FormLine(String productId, String description, String quantity, String unitPrice, String discount, String taxRate) {
    }

    /** The rows given and enough empty ones to add lines: at least {@link #FORM_LINES}, and two spare. */
    private static List<FormLine> rows(List<FormLine> given) {
        List<FormLine> out = new ArrayList<>(given);
        while (out.size() < Math.max(FORM_LINES, given.size() + 2)) {
            out.add(new FormLine("", "", "", "", "", ""));
        }
        return out;
    }

    private static List<FormLine> typedRows(List<String> productId, List<String> description, List<String> quantity,
                                            List<String> unitPrice, List<String> discount, List<String> taxRate) {
        List<FormLine> out = new ArrayList<>();
        int n = description == null ? 0 : description.size();
        for (int i = 0; i < n; i++) {
            out.add(new FormLine(text(productId, i), text(description, i), text(quantity, i), text(unitPrice, i), text(discount, i),
                    text(taxRate, i)));
        }
        return rows(out);
    }

    private static Map<String, String> typed(String orderDate, String currency, String ownerId, String total, String notes) {
        Map<String, String> form = new HashMap<>();
        form.put("orderDate", orderDate == null ? "" : orderDate);
        form.put("currency", currency == null || currency.isBlank() ? "CNY" : currency);
        form.put("ownerId", ownerId == null ? "" : ownerId);
        form.put("total", total == null ? "" : total);
        form.put("notes", notes == null ? "" : notes);
        return form;
    }

    private static String text(List<String> list, int i) {
        return list == null || i >= list.size() || list.get(i) == null ? "" : list.get(i);
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal total(String total) {
        var errors = new InvalidInputException.Collector();
        BigDecimal value = total == null || total.isBlank() ? null : OrderPagesController.number(total.trim(), "total", errors);
        errors.throwIfAny();
        return value;
    }

    /** Form lines; an empty row is skipped, a number that is not one is reported on its field. */
    private static List<OrderLineInput> lines(List<String> productId, List<String> description, List<String> quantity,
                                              List<String> unitPrice, List<String> discount, List<String> taxRate) {
        List<OrderLineInput> out = new ArrayList<>();
        var errors = new InvalidInputException.Collector();
        int n = description == null ? 0 : description.size();
        for (int i = 0; i < n; i++) {
            String d = description.get(i);
            String q = at(quantity, i);
            String p = at(unitPrice, i);
            if ((d == null || d.isBlank()) && q == null && p == null) {
                continue;
            }
            out.add(new OrderLineInput(productId(at(productId, i)), d, OrderPagesController.number(q, "lines[" + i + "].quantity", errors), OrderPagesController.number(p, "lines[" + i + "].unitPrice", errors),
                    OrderPagesController.number(at(discount, i), "lines[" + i + "].discount", errors), OrderPagesController.number(at(taxRate, i), "lines[" + i + "].taxRate", errors)));
        }
        errors.throwIfAny();
        return out;
    }

    /** A line's product as the form carries it (hidden); a value that is not an id is dropped, as the line stands without it. */
    private static Long productId(String s) {
        try {
            return s == null ? null : Long.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String at(List<String> list, int i) {
        return list == null || i >= list.size() || list.get(i).isBlank() ? null : list.get(i).trim();
    }
}
