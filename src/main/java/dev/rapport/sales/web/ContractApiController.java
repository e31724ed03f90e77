package dev.rapport.sales.web;

import dev.rapport.identity.AuditEntry;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.ETags;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.sales.ContractInput;
import dev.rapport.sales.ContractManagement;
import dev.rapport.sales.ContractStatus;
import dev.rapport.sales.ContractView;
import dev.rapport.sales.InstalmentInput;
import dev.rapport.sales.PaymentManagement;
import dev.rapport.sales.PaymentPlan;
import dev.rapport.sales.PlanAdjustment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
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
@RequestMapping("/api/v1/contracts")
@Tag(name = "Contracts", description = "Contracts (合同) and their payment plans; permissions order:*")
class ContractApiController {

    /** {@code planAdjustment} (replace only): keep (default), scale or discard a draft's own payment plan that the edit no longer fits. */
    record ContractRequest(Long customerId, String number, String title, LocalDate startDate, LocalDate endDate,
                           BigDecimal amount, String currency, LocalDate signedOn, Long orderId, Long ownerId, Long version,
                           String planAdjustment) {
        ContractInput toInput() {
            return new ContractInput(customerId, number, title, startDate, endDate, amount, currency, signedOn, orderId, ownerId);
        }
    }

    record StatusRequest(String status, Long version) {
    }

    record PlanRequest(List<InstalmentInput> instalments, Long version) {
    }

    private final ContractManagement contracts;
    private final PaymentManagement payments;
    private final UserManagement users;
    private final AuditLog audit;

    ContractApiController(ContractManagement contracts, PaymentManagement payments, UserManagement users, AuditLog audit) {
        this.contracts = contracts;
        this.payments = payments;
        this.users = users;
        this.audit = audit;
    }

    @Operation(summary = "List contracts", description = "Filters: customerId, status (draft, active, expired, terminated), q (number or title prefix); newest first, keyset paging.")
    @GetMapping
    CursorPage<ContractView> list(@RequestParam(required = false) Long customerId, @RequestParam(required = false) String status,
                                  @RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
                                  @RequestParam(defaultValue = "50") int limit) {
        return contracts.list(users.current(), customerId, status, q, cursor, Math.max(1, Math.min(limit, 200)));
    }

    @PostMapping
    ResponseEntity<ContractView> create(@RequestBody ContractRequest r) {
        ContractView c = contracts.create(users.current(), r.toInput());
        return ResponseEntity.created(URI.create("/api/v1/contracts/" + c.id())).eTag(ETags.of(c.version())).body(c);
    }

    @GetMapping("/{id}")
    ResponseEntity<ContractView> get(@PathVariable long id) {
        ContractView c = contracts.get(users.current(), id);
        return ResponseEntity.ok().eTag(ETags.of(c.version())).body(c);
    }

    @Operation(summary = "Replace a contract's fields; send If-Match or version (stale → 412/409)",
            description = "A draft with its own payment plan keeps the plan: a new amount the plan does not add up to, or a link to an "
                    + "order, is a 400 naming the plan's sum unless planAdjustment says what to do with the plan: scale (each instalment "
                    + "in proportion to the new amount, due days kept) or discard (activation then makes a single instalment). "
                    + "planAdjustment defaults to keep. Once the contract is active its amount, currency, owner and order are fixed.")
    @PutMapping("/{id}")
    ResponseEntity<ContractView> replace(@PathVariable long id, @RequestBody ContractRequest r,
                                         @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        ContractView c = contracts.update(me, id, expected(me, id, ifMatch, r.version()), r.toInput(),
                PlanAdjustment.parse(r.planAdjustment()));
        return ResponseEntity.ok().eTag(ETags.of(c.version())).body(c);
    }

    @Operation(summary = "Change the status: draft → active → expired/terminated")
    @PostMapping("/{id}/status")
    ResponseEntity<ContractView> status(@PathVariable long id, @RequestBody StatusRequest r,
                                        @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        Long version = (ifMatch == null || ifMatch.isBlank()) && r.version() == null ? null : expected(me, id, ifMatch, r.version());
        ContractView c = contracts.changeStatus(me, id, version, ContractStatus.parse(r.status()));
        return ResponseEntity.ok().eTag(ETags.of(c.version())).body(c);
    }

    @Operation(summary = "The contract's payment plan (回款计划), payments received and receivable/overdue amounts (a contract paid through an order has none)")
    @GetMapping("/{id}/payment-plan")
    PaymentPlan plan(@PathVariable long id) {
        return payments.plan(users.current(), "contract", id);
    }

    @Operation(summary = "Replace the payment plan of a contract on its own (not terminated, not linked to an order); send If-Match or version",
            description = "Same rules as an order's plan: instalments (id, dueOn, amount) add up to the contract amount; instalments kept by id "
                    + "keep their payments and may not fall below them; paid instalments may not be dropped.")
    @PutMapping("/{id}/payment-plan")
    PaymentPlan replacePlan(@PathVariable long id, @RequestBody PlanRequest r,
                            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        return payments.replacePlan(me, "contract", id, expected(me, id, ifMatch, r.version()), r.instalments());
    }

    @Operation(summary = "Change history (audit) of the contract: its fields, status and payment plan")
    @GetMapping("/{id}/history")
    CursorPage<AuditEntry> history(@PathVariable long id, @RequestParam(required = false) String cursor,
                                   @RequestParam(defaultValue = "50") int limit) {
        contracts.visible(users.current(), id);
        return audit.history("contract", id, cursor, Math.max(1, Math.min(limit, 200)));
    }

    private long expected(CurrentUser me, long id, String ifMatch, Long bodyVersion) {
        long current = contracts.visible(me, id).version();
        if ((ifMatch == null || ifMatch.isBlank()) && bodyVersion == null) {
            throw new InvalidInputException("version", "error.version.required");
        }
        return ETags.expectedVersion(ifMatch, bodyVersion, current);
    }
}
