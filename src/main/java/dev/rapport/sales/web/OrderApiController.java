package dev.rapport.sales.web;

import dev.rapport.customers.CustomerManagement;
import dev.rapport.identity.AuditEntry;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.ETags;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.sales.InstalmentInput;
import dev.rapport.sales.OrderInput;
import dev.rapport.sales.OrderLineInput;
import dev.rapport.sales.OrderLineView;
import dev.rapport.sales.OrderManagement;
import dev.rapport.sales.OrderView;
import dev.rapport.sales.PaymentManagement;
import dev.rapport.sales.PaymentPlan;
import dev.rapport.sales.PlanAdjustment;
import dev.rapport.sales.query.OrderQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders", description = "Orders (订单) with lines, their payment plans (回款计划); permissions order:*")
class OrderApiController {

    /** {@code planAdjustment} (replace only): keep (default), scale or discard a draft's payment plan that the new total no longer fits. */
    record OrderRequest(Long customerId, Long contactId, String number, LocalDate orderDate, String currency,
                        List<OrderLineInput> lines, BigDecimal total, Long ownerId, Long quoteId, Long opportunityId,
                        String notes, Long version, String planAdjustment) {
        OrderInput toInput() {
            return new OrderInput(customerId, contactId, number, orderDate, currency, lines, total, ownerId, quoteId,
                    opportunityId, notes);
        }
    }

    record VersionRequest(Long version) {
    }

    record PlanRequest(List<InstalmentInput> instalments, Long version) {
    }

    /** A row of the order list with the customer's name. */
    record OrderListRow(long id, String number, long customerId, String customerName, LocalDate orderDate, String currency,
                        BigDecimal total, BigDecimal paid, BigDecimal receivable, String status, long ownerId) {
    }

    private final OrderManagement orders;
    private final PaymentManagement payments;
    private final OrderQuery query;
    private final CustomerManagement customers;
    private final UserManagement users;

    OrderApiController(OrderManagement orders, PaymentManagement payments, OrderQuery query, CustomerManagement customers,
                       UserManagement users) {
        this.orders = orders;
        this.payments = payments;
        this.query = query;
        this.customers = customers;
        this.users = users;
    }

    @Operation(summary = "List orders", description = "Filters: customerId, status (draft, confirmed, fulfilled, cancelled), ownerId, from, to (order date, yyyy-MM-dd), q (order number prefix); sort: -id (newest entered first, the default) or -date (latest order date first); keyset paging with limit (max 200) and cursor.")
    @GetMapping
    CursorPage<OrderListRow> list(@Parameter(hidden = true) @RequestParam Map<String, String> params,
                                  @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String cursor) {
        CurrentUser me = users.current();
        me.require("order", "view");
        CursorPage<OrderQuery.OrderRow> page = query.list(params, users.scopeOf(me), cursor, Math.max(1, Math.min(limit, 200)));
        Map<Long, String> names = customers.names(page.items().stream().map(OrderQuery.OrderRow::customerId).toList());
        return page.map(r -> new OrderListRow(r.id(), r.number(), r.customerId(), names.get(r.customerId()), r.orderDate(),
                r.currency(), r.total(), r.paid(), r.receivable(), r.status(), r.ownerId()));
    }

    @Operation(summary = "Create a draft order from lines (product optional, description, quantity, unitPrice, discount %, taxRate %) or from a total alone")
    @PostMapping
    ResponseEntity<OrderView> create(@RequestBody OrderRequest r) {
        OrderView o = orders.create(users.current(), r.toInput());
        return ResponseEntity.created(URI.create("/api/v1/orders/" + o.id())).eTag(ETags.of(o.version())).body(o);
    }

    @GetMapping("/{id}")
    ResponseEntity<OrderView> get(@PathVariable long id) {
        OrderView o = orders.get(users.current(), id);
        return ResponseEntity.ok().eTag(ETags.of(o.version())).body(o);
    }

    @GetMapping("/{id}/lines")
    List<OrderLineView> lines(@PathVariable long id) {
        return orders.get(users.current(), id).lines();
    }

    @Operation(summary = "Replace a draft order (header and lines); send If-Match or version (stale → 412/409)",
            description = "A draft with a payment plan keeps the plan: a new total the plan does not add up to is a 400 on total naming "
                    + "the plan's sum, unless planAdjustment says what to do with the plan: scale (each instalment in proportion to the "
                    + "new total, due days kept, the last taking the cents of rounding) or discard (confirming then makes a single "
                    + "instalment due after the customer's payment term). planAdjustment defaults to keep; a plan the new total still "
                    + "matches stays whatever is chosen, following a new currency or owner. The plan's change is in the order's history.")
    @PutMapping("/{id}")
    ResponseEntity<OrderView> replace(@PathVariable long id, @RequestBody OrderRequest r,
                                      @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        OrderView o = orders.update(me, id, expected(me, id, ifMatch, r.version()), r.toInput(), PlanAdjustment.parse(r.planAdjustment()));
        return ResponseEntity.ok().eTag(ETags.of(o.version())).body(o);
    }

    @Operation(summary = "Change history (audit) of the order: its header, status and payment plan")
    @GetMapping("/{id}/history")
    CursorPage<AuditEntry> history(@PathVariable long id, @RequestParam(required = false) String cursor,
                                   @RequestParam(defaultValue = "50") int limit) {
        return orders.history(users.current(), id, cursor, Math.max(1, Math.min(limit, 200)));
    }

    @Operation(summary = "Confirm a draft: the customer becomes current and the payment plan starts counting as receivable")
    @PostMapping("/{id}/confirm")
    ResponseEntity<OrderView> confirm(@PathVariable long id, @RequestBody(required = false) VersionRequest r,
                                      @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        return answer(orders.confirm(me, id, optional(me, id, ifMatch, r)));
    }

    @Operation(summary = "Mark a confirmed order fulfilled")
    @PostMapping("/{id}/fulfil")
    ResponseEntity<OrderView> fulfil(@PathVariable long id, @RequestBody(required = false) VersionRequest r,
                                     @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        return answer(orders.fulfil(me, id, optional(me, id, ifMatch, r)));
    }

    @Operation(summary = "Cancel a draft or confirmed order on which nothing was paid")
    @PostMapping("/{id}/cancel")
    ResponseEntity<OrderView> cancel(@PathVariable long id, @RequestBody(required = false) VersionRequest r,
                                     @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        return answer(orders.cancel(me, id, optional(me, id, ifMatch, r)));
    }

    @Operation(summary = "The order's payment plan (回款计划), payments received and receivable/overdue amounts")
    @GetMapping("/{id}/payment-plan")
    ResponseEntity<PaymentPlan> plan(@PathVariable long id) {
        PaymentPlan p = payments.plan(users.current(), "order", id);
        return ResponseEntity.ok().eTag(ETags.of(p.version())).body(p);
    }

    @Operation(summary = "Replace the payment plan (not on a cancelled order); send If-Match or version (stale → 412/409)",
            description = "Instalments (id, dueOn, amount) must add up to the order total. Give the id of a current instalment to keep it "
                    + "with what was paid on it: its amount may not fall below that, and an instalment with payments may not be dropped. "
                    + "Instalments without id are added; current ones not listed (and unpaid) are removed.")
    @PutMapping("/{id}/payment-plan")
    ResponseEntity<PaymentPlan> replacePlan(@PathVariable long id, @RequestBody PlanRequest r,
                                            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        PaymentPlan p = payments.replacePlan(me, "order", id, expected(me, id, ifMatch, r.version()), r.instalments());
        return ResponseEntity.ok().eTag(ETags.of(p.version())).body(p);
    }

    private ResponseEntity<OrderView> answer(OrderView o) {
        return ResponseEntity.ok().eTag(ETags.of(o.version())).body(o);
    }

    private long expected(CurrentUser me, long id, String ifMatch, Long bodyVersion) {
        long current = orders.visible(me, id).version();
        if ((ifMatch == null || ifMatch.isBlank()) && bodyVersion == null) {
            throw new InvalidInputException("version", "error.version.required");
        }
        return ETags.expectedVersion(ifMatch, bodyVersion, current);
    }

    /** Status changes accept a version but do not require one: they check the current status anyway. */
    private Long optional(CurrentUser me, long id, String ifMatch, VersionRequest r) {
        Long body = r == null ? null : r.version();
        if ((ifMatch == null || ifMatch.isBlank()) && body == null) {
            return null;
        }
        return expected(me, id, ifMatch, body);
    }
}
