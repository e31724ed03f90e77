package dev.rapport.customers.web;

import dev.rapport.customers.CustomerFilter;
import dev.rapport.customers.CustomerRow;
import dev.rapport.customers.Pool;
import dev.rapport.customers.PoolCapReachedException;
import dev.rapport.customers.PoolInput;
import dev.rapport.customers.PoolMoves;
import dev.rapport.customers.Pools;
import dev.rapport.customers.query.CustomerQuery;
import dev.rapport.customers.query.PoolQuery;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.ETags;
import dev.rapport.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Pools", description = "Public pools (公海池): claim, release, assign and move customers; rules for recapture")
class PoolApiController {

    record PoolRequest(String name, String description, Integer claimCap, Integer followUpDays, Integer purchaseDays,
                       Integer warningDays, Boolean defaultPool, Boolean enabled, List<Long> departmentIds, Long version) {

        PoolInput toInput() {
            return new PoolInput(name, description, claimCap, followUpDays, purchaseDays, warningDays, defaultPool, enabled,
                    departmentIds);
        }
    }

    record MoveRequest(List<Long> customerIds, Long ownerId) {
    }

    record ReleaseRequest(Long poolId, String reason, Long version) {
    }

    record BulkReleaseRequest(List<Long> customerIds, Long poolId, String reason) {
    }

    record Results(List<PoolMoves.Outcome> results) {
    }

    record Count(long count, boolean capped) {
    }

    private final Pools pools;
    private final PoolMoves moves;
    private final PoolQuery query;
    private final UserManagement users;
    private final MessageSource messages;

    PoolApiController(Pools pools, PoolMoves moves, PoolQuery query, UserManagement users, MessageSource messages) {
        this.pools = pools;
        this.moves = moves;
        this.query = query;
        this.users = users;
        this.messages = messages;
    }

    @Operation(summary = "The pools the caller may see (their department or one above it is named, or none is, or they manage pools)")
    @GetMapping("/api/v1/pools")
    List<Pool> list() {
        return pools.visible(users.current());
    }

    @GetMapping("/api/v1/pools/{id}")
    ResponseEntity<Pool> get(@PathVariable long id) {
        Pool p = pools.visible(users.current(), id);
        return ResponseEntity.ok().eTag(ETags.of(p.version())).body(p);
    }

    @Operation(summary = "Create a pool with its rules (needs pool:manage)")
    @PostMapping("/api/v1/pools")
    ResponseEntity<Pool> create(@RequestBody PoolRequest request) {
        Pool p = pools.create(users.current(), request.toInput());
        return ResponseEntity.created(URI.create("/api/v1/pools/" + p.id())).eTag(ETags.of(p.version())).body(p);
    }

    @Operation(summary = "Replace a pool's settings and rules (needs pool:manage); send If-Match or version (stale → 412/409)")
    @PutMapping("/api/v1/pools/{id}")
    ResponseEntity<Pool> update(@PathVariable long id, @RequestBody PoolRequest request,
                                @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        me.require(Pools.MANAGE);
        long current = pools.visible(me, id).version();
        if ((ifMatch == null || ifMatch.isBlank()) && request.version() == null) {
            throw new InvalidInputException("version", "error.version.required");
        }
        Pool p = pools.update(me, id, ETags.expectedVersion(ifMatch, request.version(), current), request.toInput());
        return ResponseEntity.ok().eTag(ETags.of(p.version())).body(p);
    }

    @Operation(summary = "The pool's unowned customers, newest first", description = "Same filters as GET /api/v1/customers (type, status, tier, industry, source, province, city, tag, createdFrom, createdTo, q, cf.<key>); keyset paging with limit (max 200) and cursor.")
    @GetMapping("/api/v1/pools/{id}/customers")
    CursorPage<CustomerRow> customers(@PathVariable long id, @Parameter(hidden = true) @RequestParam Map<String, String> params,
                                      @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String cursor) {
        CurrentUser me = users.current();
        me.require("customer", "view");
        pools.visible(me, id);
        return query.list(id, CustomerFilter.from(params), cursor, CustomerApiController.clamp(limit));
    }

    @Operation(summary = "Count the pool's customers matching the filters, exact up to 10,000")
    @GetMapping("/api/v1/pools/{id}/customers/count")
    Count count(@PathVariable long id, @Parameter(hidden = true) @RequestParam Map<String, String> params) {
        CurrentUser me = users.current();
        me.require("customer", "view");
        pools.visible(me, id);
        long n = query.count(id, CustomerFilter.from(params));
        return new Count(Math.min(n, CustomerQuery.COUNT_CAP), n > CustomerQuery.COUNT_CAP);
    }

    @Operation(summary = "Claim customers from the pool (领取), up to its claim cap; per-customer results: claimed, taken, capReached, notFound. When the cap stops every claim: 409 naming the cap.")
    @PostMapping("/api/v1/pools/{id}/claim")
    Results claim(@PathVariable long id, @RequestBody MoveRequest request) {
        return new Results(moves.claim(users.current(), id, request.customerIds()));
    }

    @Operation(summary = "Assign pool customers to a user in the caller's scope (managers; no cap); results: assigned, taken, notFound")
    @PostMapping("/api/v1/pools/{id}/assign")
    Results assign(@PathVariable long id, @RequestBody MoveRequest request) {
        if (request.ownerId() == null) {
            throw new InvalidInputException("ownerId", "error.required");
        }
        return new Results(moves.assign(users.current(), id, request.customerIds(), request.ownerId()));
    }

    @Operation(summary = "Move customers (owned or not) into this pool, whose rules apply to them from now on (needs pool:manage)")
    @PostMapping("/api/v1/pools/{id}/move")
    Results move(@PathVariable long id, @RequestBody MoveRequest request) {
        return new Results(moves.move(users.current(), request.customerIds(), id));
    }

    @Operation(summary = "Release a customer to a pool (退回公海) with a reason: its owner or a manager; poolId defaults to the pool it came from; version required (stale → 409)")
    @PostMapping("/api/v1/customers/{id}/release")
    ResponseEntity<Void> release(@PathVariable long id, @RequestBody ReleaseRequest request) {
        if (request.version() == null) {
            throw new InvalidInputException("version", "error.version.required");
        }
        moves.release(users.current(), id, request.poolId(), request.reason(), request.version());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Release many customers to a pool (退回公海) with one reason: each customer its owner's or in the caller's scope, at its current version",
            description = "poolId is optional: without it each customer goes back to the pool it came from, else its owner's default pool. "
                    + "One customer's refusal does not stop the others: the answer lists every id given (once, in request order) with its "
                    + "result: released, inPool (already in a pool), noPool (no pool to go to), poolHidden (that pool is not open to you), "
                    + "changed (edited or released meanwhile: try again) or notFound (not visible to you, or no such customer). Each "
                    + "release is audited like a single one. At most 500 customers; a missing reason, a pool you cannot see or too many "
                    + "ids is a 400 and nothing is released.")
    @PostMapping("/api/v1/customers/release")
    Results releaseAll(@RequestBody BulkReleaseRequest request) {
        return new Results(moves.releaseAll(users.current(), request.customerIds(), request.poolId(), request.reason()));
    }

    @ExceptionHandler(PoolCapReachedException.class)
    ResponseEntity<ProblemDetail> capReached(PoolCapReachedException e) {
        var locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONFLICT);
        problem.setType(URI.create("https://rapport.dev/problems/pool-cap"));
        problem.setTitle(messages.getMessage("pool.error.capTitle", null, locale));
        problem.setDetail(messages.getMessage("pool.error.cap", new Object[] {e.cap(), e.poolName()}, locale));
        problem.setProperty("cap", e.cap());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
