package dev.rapport.sales.web;

import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.CursorPage;
import dev.rapport.sales.CreditManagement;
import dev.rapport.sales.CreditTerms;
import dev.rapport.sales.PaymentInput;
import dev.rapport.sales.PaymentManagement;
import dev.rapport.sales.PaymentView;
import dev.rapport.sales.ReceivableOverview;
import dev.rapport.sales.ReceivableRow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
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
@RequestMapping("/api/v1")
@Tag(name = "Payments and receivables", description = "Payments received (回款), receivables (应收), credit terms and the risk flag (风险); permissions order:*")
class PaymentApiController {

    record TermsRequest(Integer paymentTermDays, BigDecimal creditLimit, String currency, Long version) {
    }

    private final PaymentManagement payments;
    private final CreditManagement credit;
    private final UserManagement users;

    PaymentApiController(PaymentManagement payments, CreditManagement credit, UserManagement users) {
        this.payments = payments;
        this.credit = credit;
        this.users = users;
    }

    @Operation(summary = "Record a payment received on an order or contract (orderId or contractId; optional instalmentId; method: bank-transfer, cash, cheque, card, alipay, wechat, other)")
    @PostMapping("/payments")
    ResponseEntity<PaymentView> record(@RequestBody PaymentInput r) {
        PaymentView p = payments.record(users.current(), r);
        return ResponseEntity.created(URI.create("/api/v1/payments/" + p.id())).body(p);
    }

    @Operation(summary = "Payments received, newest first; filter by customerId")
    @GetMapping("/payments")
    CursorPage<PaymentView> list(@RequestParam(required = false) Long customerId, @RequestParam(required = false) String cursor,
                                 @RequestParam(defaultValue = "50") int limit) {
        return payments.list(users.current(), customerId, cursor, Math.max(1, Math.min(limit, 200)));
    }

    @GetMapping("/payments/{id}")
    PaymentView get(@PathVariable long id) {
        return payments.get(users.current(), id);
    }

    @Operation(summary = "A customer's orders count, buyer label, receivable and overdue amounts per currency, days sales outstanding, credit terms and risk flag with reasons")
    @GetMapping("/customers/{id}/receivables")
    ReceivableOverview receivables(@PathVariable long id) {
        return credit.overview(users.current(), id);
    }

    @Operation(summary = "Customers with open receivables per currency (receivable, overdue, oldest due day, days overdue), the most overdue first (keyset paging)",
            description = "overdueOnly (default true): only customers with money past due; false: all open receivables. ownerId: only orders and contracts of this owner (within your data scope).")
    @GetMapping("/receivables")
    CursorPage<ReceivableRow> overdue(@RequestParam(defaultValue = "true") boolean overdueOnly, @RequestParam(required = false) Long ownerId,
                                      @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        return credit.receivables(users.current(), ownerId, overdueOnly, cursor, Math.max(1, Math.min(limit, 200)));
    }

    @GetMapping("/customers/{id}/credit-terms")
    ResponseEntity<CreditTerms> terms(@PathVariable long id) {
        CreditTerms t = credit.terms(users.current(), id);
        return ResponseEntity.ok().eTag(dev.rapport.platform.ETags.of(t.version())).body(t);
    }

    @Operation(summary = "Set a customer's credit terms (managers: order:edit and a data scope beyond their own records); send If-Match or version once terms exist")
    @PutMapping("/customers/{id}/credit-terms")
    ResponseEntity<CreditTerms> saveTerms(@PathVariable long id, @RequestBody TermsRequest r,
                                          @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        CreditTerms current = credit.terms(me, id);
        Long version = r.version();
        if (current.stored()) {
            if ((ifMatch == null || ifMatch.isBlank()) && version == null) {
                throw new dev.rapport.platform.InvalidInputException("version", "error.version.required");
            }
            version = dev.rapport.platform.ETags.expectedVersion(ifMatch, version, current.version());
        }
        CreditTerms t = credit.saveTerms(me, id, version, r.paymentTermDays(), r.creditLimit(), r.currency());
        return ResponseEntity.ok().eTag(dev.rapport.platform.ETags.of(t.version())).body(t);
    }
}
