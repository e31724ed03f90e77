package dev.rapport.sales.web;

import dev.rapport.customers.PoolCapReachedException;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.sales.LeadManagement;
import dev.rapport.sales.LeadPools;
import dev.rapport.sales.LeadRow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Lead pools", description = "Leads in the public pools (公海池): list, claim, assign, move, release")
class LeadPoolApiController {

    record MoveRequest(List<Long> leadIds, Long ownerId) {
    }

    record ReleaseRequest(Long poolId, String reason, Long version) {
    }

    record BulkReleaseRequest(List<Long> leadIds, Long poolId, String reason) {
    }

    record Results(List<LeadPools.Outcome> results) {
    }

    /** A page of pool leads; {@code next} is the cursor of the next page, or null. */
    record Page(List<LeadRow> items, long total, String next) {
    }

    private final LeadPools pools;
    private final LeadManagement leads;
    private final UserManagement users;
    private final MessageSource messages;

    LeadPoolApiController(LeadPools pools, LeadManagement leads, UserManagement users, MessageSource messages) {
        this.pools = pools;
        this.leads = leads;
        this.users = users;
        this.messages = messages;
    }

    @Operation(summary = "The pool's unowned leads, newest first; keyset paging with limit (max 200) and cursor (needs lead:view)")
    @GetMapping("/api/v1/pools/{id}/leads")
    Page list(@PathVariable long id, @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String cursor) {
        CurrentUser me = users.current();
        int n = Math.max(1, Math.min(limit, 200));
        Long before = null;
        if (cursor != null && !cursor.isBlank()) {
            if (!cursor.matches("\\d{1,18}")) {
                throw new InvalidInputException("cursor", "error.value.invalid");
            }
            before = Long.valueOf(cursor);
        }
        List<LeadRow> rows = pools.inPool(me, id, before, n + 1);
        String next = null;
        if (rows.size() > n) {
            rows = rows.subList(0, n);
            next = String.valueOf(rows.get(n - 1).id());
        }
        return new Page(leads.named(rows), pools.countInPool(me, id), next);
    }

    @Operation(summary = "Claim leads from the pool (领取) up to its claim cap, which counts leads apart from customers; per-lead results: claimed, taken, capReached, notFound. When the cap stops every claim: 409 naming the cap.")
    @PostMapping("/api/v1/pools/{id}/leads/claim")
    Results claim(@PathVariable long id, @RequestBody MoveRequest request) {
        return new Results(pools.claim(users.current(), id, request.leadIds()));
    }

    @Operation(summary = "Assign pool leads to a user in the caller's scope (managers; no cap); results: assigned, taken, notFound")
    @PostMapping("/api/v1/pools/{id}/leads/assign")
    Results assign(@PathVariable long id, @RequestBody MoveRequest request) {
        if (request.ownerId() == null) {
            throw new InvalidInputException("ownerId", "error.required");
        }
        return new Results(pools.assign(users.current(), id, request.leadIds(), request.ownerId()));
    }

    @Operation(summary = "Move leads (owned or not) into this pool, whose follow-up rule applies to them from now on (needs pool:manage)")
    @PostMapping("/api/v1/pools/{id}/leads/move")
    Results move(@PathVariable long id, @RequestBody MoveRequest request) {
        return new Results(pools.move(users.current(), request.leadIds(), id));
    }

    @Operation(summary = "Release a lead to a pool (退回公海) with a reason: its owner or a manager; poolId defaults to the pool it came from, else the owner's default pool; send If-Match or version (stale → 409)")
    @PostMapping("/api/v1/leads/{id}/release")
    ResponseEntity<Void> release(@PathVariable long id, @RequestBody ReleaseRequest request,
                                 @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Long version = request.version();
        if (version == null && ifMatch != null && !ifMatch.isBlank()) {
            String v = ifMatch.replace("W/", "").replace("\"", "").trim();
            version = v.matches("\\d{1,18}") ? Long.valueOf(v) : null;
        }
        if (version == null) {
            throw new InvalidInputException("version", "error.version.required");
        }
        pools.release(users.current(), id, request.poolId(), request.reason(), version);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Release many leads to a pool (退回公海) with one reason: each lead its owner's or in the caller's scope, at its current version",
            description = "poolId is optional: without it each lead goes back to the pool it came from, else its owner's default pool. "
                    + "One lead's refusal does not stop the others. Per-lead results: released, inPool (already in a pool), converted, "
                    + "noPool (no pool to go to), poolHidden (that pool is not open to you), changed (edited meanwhile: try again), notFound. "
                    + "At most 500 leads; a missing reason or a pool you cannot see is a 400.")
    @PostMapping("/api/v1/leads/release")
    Results releaseAll(@RequestBody BulkReleaseRequest request) {
        return new Results(pools.releaseAll(users.current(), request.leadIds(), request.poolId(), request.reason()));
    }

    @ExceptionHandler(PoolCapReachedException.class)
    ResponseEntity<ProblemDetail> capReached(PoolCapReachedException e) {
        var locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONFLICT);
        problem.setType(URI.create("https://rapport.dev/problems/pool-cap"));
        problem.setTitle(messages.getMessage("pool.error.capTitle", null, locale));
        problem.setDetail(messages.getMessage("lead.pool.error.cap", new Object[] {e.cap(), e.poolName()}, locale));
        problem.setProperty("cap", e.cap());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
