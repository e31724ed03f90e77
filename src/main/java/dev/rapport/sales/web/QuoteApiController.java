package dev.rapport.sales.web;

import dev.rapport.identity.AuditEntry;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.ETags;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.sales.ApprovalView;
import dev.rapport.sales.QuoteInput;
import dev.rapport.sales.QuoteLineInput;
import dev.rapport.sales.QuoteManagement;
import dev.rapport.sales.QuoteSending;
import dev.rapport.sales.QuoteView;
import dev.rapport.sales.QuoteWorkflow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
@RequestMapping("/api/v1/quotes")
@Tag(name = "Quotes", description = "Quotes (报价单) with lines, discounts, tax, versions, approval (审批), PDF and e-mail")
class QuoteApiController {

    record LineRequest(Long productId, String description, BigDecimal quantity, BigDecimal unitPrice,
                       BigDecimal discountPercent, BigDecimal taxRate) {
        QuoteLineInput toInput() {
            return new QuoteLineInput(productId, description, quantity, unitPrice, discountPercent, taxRate);
        }
    }

    record QuoteRequest(Long customerId, Long contactId, Long opportunityId, Long priceBookId, LocalDate validUntil,
                        BigDecimal discountPercent, String terms, Long ownerId, List<LineRequest> lines, Long version) {
        QuoteInput toInput() {
            return new QuoteInput(customerId, contactId, opportunityId, priceBookId, validUntil, discountPercent, terms, ownerId,
                    lines == null ? List.of() : lines.stream().map(LineRequest::toInput).toList());
        }
    }

    record VersionRequest(Long version) {
    }

    record DecisionRequest(String comment) {
    }

    record SendRequest(Long version, String to, String message) {
    }

    private final QuoteManagement quotes;
    private final QuoteWorkflow workflow;
    private final QuoteSending sending;
    private final UserManagement users;
    private final AuditLog audit;

    QuoteApiController(QuoteManagement quotes, QuoteWorkflow workflow, QuoteSending sending, UserManagement users, AuditLog audit) {
        this.quotes = quotes;
        this.workflow = workflow;
        this.sending = sending;
        this.users = users;
        this.audit = audit;
    }

    @Operation(summary = "List quotes the user may see, newest first", description = "Filters: customerId, status (draft, pending-approval, approved, rejected, sent, accepted, declined, expired, superseded), number (prefix). Keyset paging with limit (max 200) and cursor. Lines are left out; get a quote for them.")
    @GetMapping
    CursorPage<QuoteView> list(@RequestParam(required = false) Long customerId, @RequestParam(required = false) String status,
                               @RequestParam(required = false) String number, @RequestParam(required = false) String cursor,
                               @RequestParam(defaultValue = "50") int limit) {
        return quotes.list(users.current(), customerId, status, number, cursor, Math.max(1, Math.min(limit, 200)));
    }

    @Operation(summary = "Create a draft quote", description = "A product line without unitPrice takes the price book's tier price for its quantity; without priceBookId the default price book is used.")
    @PostMapping
    ResponseEntity<QuoteView> create(@RequestBody QuoteRequest r) {
        QuoteView q = quotes.create(users.current(), r.toInput());
        return ResponseEntity.created(URI.create("/api/v1/quotes/" + q.id())).eTag(ETags.of(q.version())).body(q);
    }

    @Operation(summary = "A quote with its lines; the ETag is its version")
    @GetMapping("/{id}")
    ResponseEntity<QuoteView> get(@PathVariable long id) {
        QuoteView q = quotes.get(users.current(), id);
        return ResponseEntity.ok().eTag(ETags.of(q.version())).body(q);
    }

    @Operation(summary = "Replace a draft (or rejected) quote's header and lines; send If-Match or version (stale → 412/409)")
    @PutMapping("/{id}")
    ResponseEntity<QuoteView> replace(@PathVariable long id, @RequestBody QuoteRequest r,
                                      @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        QuoteView q = quotes.update(me, id, expected(me, id, ifMatch, r.version()), r.toInput());
        return ok(q);
    }

    @Operation(summary = "Replace only the lines of a draft quote; send If-Match or version")
    @PutMapping("/{id}/lines")
    ResponseEntity<QuoteView> lines(@PathVariable long id, @RequestBody List<LineRequest> lines,
                                    @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                    @RequestParam(required = false) Long version) {
        CurrentUser me = users.current();
        long v = expected(me, id, ifMatch, version);
        QuoteView q = quotes.get(me, id);
        QuoteInput in = new QuoteInput(q.customerId(), q.contactId(), q.opportunityId(), q.priceBookId(), q.validUntil(),
                q.discountPercent(), q.terms(), q.ownerId(), lines.stream().map(LineRequest::toInput).toList());
        return ok(quotes.update(me, id, v, in));
    }

    @Operation(summary = "Submit: above the discount threshold the quote waits for approval, otherwise it is approved at once")
    @PostMapping("/{id}/submit")
    ResponseEntity<QuoteView> submit(@PathVariable long id, @RequestBody(required = false) VersionRequest r,
                                     @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        return ok(workflow.submit(me, id, expected(me, id, ifMatch, r == null ? null : r.version())));
    }

    @Operation(summary = "Approve a quote waiting for approval (needs quote:approve and the owner in your data scope)")
    @PostMapping("/{id}/approve")
    ResponseEntity<QuoteView> approve(@PathVariable long id, @RequestBody(required = false) DecisionRequest r) {
        return ok(workflow.approve(users.current(), id, r == null ? null : r.comment()));
    }

    @Operation(summary = "Reject a quote waiting for approval, with a comment")
    @PostMapping("/{id}/reject")
    ResponseEntity<QuoteView> reject(@PathVariable long id, @RequestBody(required = false) DecisionRequest r) {
        return ok(workflow.reject(users.current(), id, r == null ? null : r.comment()));
    }

    @Operation(summary = "E-mail the quote as a PDF to `to` (or the contact's e-mail); only approved quotes or drafts needing no approval")
    @PostMapping("/{id}/send")
    ResponseEntity<QuoteView> send(@PathVariable long id, @RequestBody SendRequest r,
                                   @RequestHeader(value = "If-Match", required = false) String ifMatch, Locale locale) {
        CurrentUser me = users.current();
        return ok(sending.send(me, id, expected(me, id, ifMatch, r.version()), r.to(), r.message(), locale));
    }

    @Operation(summary = "Record that the customer accepted a sent quote (past valid-until it expires instead)")
    @PostMapping("/{id}/accept")
    ResponseEntity<QuoteView> accept(@PathVariable long id, @RequestBody(required = false) VersionRequest r,
                                     @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        return ok(workflow.accept(me, id, expected(me, id, ifMatch, r == null ? null : r.version())));
    }

    @Operation(summary = "Record that the customer declined a sent quote")
    @PostMapping("/{id}/decline")
    ResponseEntity<QuoteView> decline(@PathVariable long id, @RequestBody(required = false) VersionRequest r,
                                      @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        return ok(workflow.decline(me, id, expected(me, id, ifMatch, r == null ? null : r.version())));
    }

    @Operation(summary = "Make a new version (-v2, -v3…) of an approved, sent, declined or expired quote; the old one stays readable")
    @PostMapping("/{id}/revise")
    ResponseEntity<QuoteView> revise(@PathVariable long id, @RequestBody(required = false) VersionRequest r,
                                     @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        QuoteView q = quotes.revise(me, id, expected(me, id, ifMatch, r == null ? null : r.version()));
        return ResponseEntity.created(URI.create("/api/v1/quotes/" + q.id())).eTag(ETags.of(q.version())).body(q);
    }

    @Operation(summary = "The quote as a PDF (Chinese text included), labelled in the request's language")
    @GetMapping(value = "/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable long id, Locale locale) {
        QuoteSending.Pdf pdf = sending.pdf(users.current(), id, locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(pdf.fileName()).build().toString())
                .body(pdf.bytes());
    }

    @Operation(summary = "Approval requests on the quote, newest first")
    @GetMapping("/{id}/approvals")
    List<ApprovalView> approvals(@PathVariable long id) {
        return workflow.approvalsOf(users.current(), id);
    }

    @Operation(summary = "Change history (audit) of the quote")
    @GetMapping("/{id}/history")
    CursorPage<AuditEntry> history(@PathVariable long id, @RequestParam(required = false) String cursor,
                                   @RequestParam(defaultValue = "50") int limit) {
        quotes.get(users.current(), id);
        return audit.history("quote", id, cursor, Math.max(1, Math.min(limit, 200)));
    }

    private long expected(CurrentUser me, long id, String ifMatch, Long bodyVersion) {
        long current = quotes.get(me, id).version();
        if ((ifMatch == null || ifMatch.isBlank()) && bodyVersion == null) {
            throw new InvalidInputException("version", "error.version.required");
        }
        return ETags.expectedVersion(ifMatch, bodyVersion, current);
    }

    private static ResponseEntity<QuoteView> ok(QuoteView q) {
        return ResponseEntity.ok().eTag(ETags.of(q.version())).body(q);
    }
}
