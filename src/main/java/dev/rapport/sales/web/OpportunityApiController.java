package dev.rapport.sales.web;

import dev.rapport.identity.AuditEntry;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.ETags;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.sales.OpportunityDetails;
import dev.rapport.sales.OpportunityFilter;
import dev.rapport.sales.OpportunityInput;
import dev.rapport.sales.OpportunityManagement;
import dev.rapport.sales.OpportunityStageChange;
import dev.rapport.sales.query.OpportunityQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/opportunities")
@Tag(name = "Opportunities", description = "Opportunities (商机) in pipelines; stage moves, won and lost")
class OpportunityApiController {

    record OpportunityRequest(String name, Long customerId, Long contactId, Long pipelineId, Long stageId, BigDecimal amount,
                              String currency, LocalDate expectedCloseDate, Long ownerId, String competitors, Long leadId,
                              Long version) {

        OpportunityInput toInput() {
            return new OpportunityInput(name, customerId, contactId, pipelineId, stageId, amount, currency, expectedCloseDate,
                    ownerId, competitors, leadId);
        }

        /** The stored input with this request's non-null fields on top (PATCH). */
        OpportunityInput over(OpportunityInput s) {
            return new OpportunityInput(name != null ? name : s.name(), customerId != null ? customerId : s.customerId(),
                    contactId != null ? contactId : s.contactId(), pipelineId != null ? pipelineId : s.pipelineId(),
                    stageId != null ? stageId : s.stageId(), amount != null ? amount : s.amount(),
                    currency != null ? currency : s.currency(),
                    expectedCloseDate != null ? expectedCloseDate : s.expectedCloseDate(), ownerId != null ? ownerId : s.ownerId(),
                    competitors != null ? competitors : s.competitors(), s.leadId());
        }
    }

    record StageRequest(Long stageId, Long version, String lossReason) {
    }

    record Count(long count, boolean capped) {
    }

    private final OpportunityManagement opportunities;
    private final UserManagement users;
    private final AuditLog audit;

    OpportunityApiController(OpportunityManagement opportunities, UserManagement users, AuditLog audit) {
        this.opportunities = opportunities;
        this.users = users;
        this.audit = audit;
    }

    @Operation(summary = "List opportunities", description = "Filters: pipeline, stage, status (open, won, lost), owner, "
            + "closeFrom, closeTo (yyyy-MM-dd), amountMin, amountMax, q (name contains); sort: -id (default), id, -amount, "
            + "amount, -updated, updated; keyset paging with limit (max 200) and cursor.")
    @GetMapping
    CursorPage<OpportunityDetails> list(@Parameter(hidden = true) @RequestParam Map<String, String> params,
                                        @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String cursor) {
        return opportunities.list(users.current(), OpportunityFilter.from(params), cursor, clamp(limit));
    }

    @Operation(summary = "Count opportunities matching the filters, exact up to 10,000 (then capped=true)")
    @GetMapping("/count")
    Count count(@Parameter(hidden = true) @RequestParam Map<String, String> params) {
        long n = opportunities.count(users.current(), OpportunityFilter.from(params));
        return new Count(Math.min(n, OpportunityQuery.COUNT_CAP), n > OpportunityQuery.COUNT_CAP);
    }

    @Operation(summary = "Create an opportunity; pipeline defaults to the default pipeline, stage to its first open stage, "
            + "currency to CNY, owner to the caller")
    @PostMapping
    ResponseEntity<OpportunityDetails> create(@RequestBody OpportunityRequest request) {
        OpportunityDetails o = opportunities.create(users.current(), request.toInput());
        return ResponseEntity.created(URI.create("/api/v1/opportunities/" + o.id())).eTag(ETags.of(o.version())).body(o);
    }

    @Operation(summary = "One opportunity; the ETag is its version")
    @GetMapping("/{id}")
    ResponseEntity<OpportunityDetails> get(@PathVariable long id) {
        OpportunityDetails o = opportunities.details(users.current(), id);
        return ResponseEntity.ok().eTag(ETags.of(o.version())).body(o);
    }

    @Operation(summary = "Replace an opportunity's fields; send If-Match or version (stale → 412/409). "
            + "The stage changes only through POST /{id}/stage")
    @PutMapping("/{id}")
    ResponseEntity<OpportunityDetails> replace(@PathVariable long id, @RequestBody OpportunityRequest request,
                                               @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        long version = expected(me, id, ifMatch, request.version());
        OpportunityDetails o = opportunities.update(me, id, version, request.toInput());
        return ResponseEntity.ok().eTag(ETags.of(o.version())).body(o);
    }

    @Operation(summary = "Change some fields of an opportunity; send If-Match or version")
    @PatchMapping("/{id}")
    ResponseEntity<OpportunityDetails> patch(@PathVariable long id, @RequestBody OpportunityRequest request,
                                             @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        long version = expected(me, id, ifMatch, request.version());
        OpportunityDetails o = opportunities.update(me, id, version, request.over(opportunities.inputOf(me, id)));
        return ResponseEntity.ok().eTag(ETags.of(o.version())).body(o);
    }

    @Operation(summary = "Move to a stage of its pipeline; a lost stage needs lossReason; won/lost close the opportunity")
    @PostMapping("/{id}/stage")
    ResponseEntity<OpportunityDetails> stage(@PathVariable long id, @RequestBody StageRequest request,
                                             @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        if (request.stageId() == null) {
            throw new InvalidInputException("stageId", "error.required");
        }
        long version = expected(me, id, ifMatch, request.version());
        OpportunityDetails o = opportunities.moveToStage(me, id, version, request.stageId(), request.lossReason());
        return ResponseEntity.ok().eTag(ETags.of(o.version())).body(o);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        opportunities.delete(users.current(), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Stage history: each move with who, when and the amount then; newest first")
    @GetMapping("/{id}/stage-history")
    List<OpportunityStageChange> stageHistory(@PathVariable long id) {
        return opportunities.stageHistory(users.current(), id);
    }

    @Operation(summary = "Change history (audit) of the opportunity")
    @GetMapping("/{id}/history")
    CursorPage<AuditEntry> history(@PathVariable long id, @RequestParam(required = false) String cursor,
                                   @RequestParam(defaultValue = "50") int limit) {
        opportunities.details(users.current(), id);
        return audit.history("opportunity", id, cursor, clamp(limit));
    }

    private long expected(CurrentUser me, long id, String ifMatch, Long bodyVersion) {
        long current = opportunities.details(me, id).version();
        if ((ifMatch == null || ifMatch.isBlank()) && bodyVersion == null) {
            throw new InvalidInputException("version", "error.version.required");
        }
        return ETags.expectedVersion(ifMatch, bodyVersion, current);
    }

    static int clamp(int limit) {
        return Math.max(1, Math.min(limit, 200));
    }
}
