package dev.rapport.customers.web;

import dev.rapport.customers.CustomerDetails;
import dev.rapport.customers.CustomerFilter;
import dev.rapport.customers.CustomerManagement;
import dev.rapport.customers.CustomerMerging;
import dev.rapport.customers.CustomerRow;
import dev.rapport.customers.CustomerStatus;
import dev.rapport.customers.query.CustomerQuery;
import dev.rapport.identity.AuditEntry;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.ETags;
import dev.rapport.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
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
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "Organizations and individuals (客户)")
class CustomerApiController {

    record Count(long count, boolean capped) {
    }

    record StatusRequest(String status, String reason, Long version) {
    }

    record BulkRequest(String action, List<Long> ids, Long ownerId, String tag, String status) {
    }

    record MergeRequest(Long survivorId, List<Long> ids, Map<String, Long> choices, Map<Long, Long> versions) {
    }

    private final CustomerManagement customers;
    private final CustomerMerging merging;
    private final CustomerQuery query;
    private final UserManagement users;
    private final AuditLog audit;

    CustomerApiController(CustomerManagement customers, CustomerMerging merging, CustomerQuery query, UserManagement users, AuditLog audit) {
        this.customers = customers;
        this.merging = merging;
        this.query = query;
        this.users = users;
        this.audit = audit;
    }

    @Operation(summary = "List customers", description = "Filters: type, status (comma list), tier, industry, source, province, city, owner, tag, createdFrom, createdTo, q, cf.<key>[.min|.max]; sort: -id (default), id, name, -name, updated, -updated; keyset paging with limit (max 200) and cursor.")
    @GetMapping
    CursorPage<CustomerRow> list(@Parameter(hidden = true) @RequestParam Map<String, String> params,
                                 @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String cursor) {
        CurrentUser me = users.current();
        me.require("customer", "view");
        return query.list(CustomerFilter.from(params), users.scopeOf(me), cursor, clamp(limit));
    }

    @Operation(summary = "Count customers matching the filters, exact up to 10,000 (then capped=true)")
    @GetMapping("/count")
    Count count(@Parameter(hidden = true) @RequestParam Map<String, String> params) {
        CurrentUser me = users.current();
        me.require("customer", "view");
        long n = query.count(CustomerFilter.from(params), users.scopeOf(me));
        return new Count(Math.min(n, CustomerQuery.COUNT_CAP), n > CustomerQuery.COUNT_CAP);
    }

    @Operation(summary = "Create a customer; the answer lists visible possible duplicates",
            description = "Without ownerId the assignment rules for customers choose the owner; when none applies the caller owns it.")
    @PostMapping
    ResponseEntity<CustomerMerging.Created> create(@RequestBody CustomerRequest request) {
        CustomerMerging.Created made = merging.createWarned(users.current(), request.toInput());
        CustomerDetails created = made.customer();
        return ResponseEntity.created(URI.create("/api/v1/customers/" + created.id())).eTag(ETags.of(created.version()))
                .body(made);
    }

    @GetMapping("/{id}")
    ResponseEntity<CustomerDetails> get(@PathVariable long id) {
        CustomerDetails c = customers.details(users.current(), id);
        return ResponseEntity.ok().eTag(ETags.of(c.version())).body(c);
    }

    @Operation(summary = "Replace a customer; send If-Match or version (stale → 412/409)")
    @PutMapping("/{id}")
    ResponseEntity<CustomerDetails> replace(@PathVariable long id, @RequestBody CustomerRequest request,
                                            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        long version = expected(me, id, ifMatch, request.version());
        CustomerDetails c = customers.update(me, id, version, request.toInput());
        return ResponseEntity.ok().eTag(ETags.of(c.version())).body(c);
    }

    @Operation(summary = "Change some fields of a customer; send If-Match or version")
    @PatchMapping("/{id}")
    ResponseEntity<CustomerDetails> patch(@PathVariable long id, @RequestBody CustomerRequest request,
                                          @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        long version = expected(me, id, ifMatch, request.version());
        CustomerDetails c = customers.patch(me, id, version, request.toInput());
        return ResponseEntity.ok().eTag(ETags.of(c.version())).body(c);
    }

    private long expected(CurrentUser me, long id, String ifMatch, Long bodyVersion) {
        // the stored row is enough to compare versions; the full details are built once, after the update
        long current = customers.visible(me, id).version();
        if ((ifMatch == null || ifMatch.isBlank()) && bodyVersion == null) {
            throw new InvalidInputException("version", "error.version.required");
        }
        return ETags.expectedVersion(ifMatch, bodyVersion, current);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        customers.delete(users.current(), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Change the status (潜在/目标/现实/流失/非客户) with a reason; recorded in the status history")
    @PostMapping("/{id}/status")
    ResponseEntity<CustomerDetails> status(@PathVariable long id, @RequestBody StatusRequest request) {
        CurrentUser me = users.current();
        CustomerStatus status = CustomerStatus.parse(request.status());
        if (status == null) {
            throw new InvalidInputException("status", "error.status.unknown");
        }
        if (request.version() == null) {
            throw new InvalidInputException("version", "error.version.required");
        }
        customers.changeStatus(me, id, request.version(), status, request.reason());
        CustomerDetails c = customers.details(me, id);
        return ResponseEntity.ok().eTag(ETags.of(c.version())).body(c);
    }

    @GetMapping("/{id}/status-history")
    List<CustomerManagement.StatusChange> statusHistory(@PathVariable long id) {
        return customers.statusHistory(users.current(), id);
    }

    @Operation(summary = "Change history (audit) of the customer and of the customers merged into it")
    @GetMapping("/{id}/history")
    CursorPage<AuditEntry> history(@PathVariable long id, @RequestParam(required = false) String cursor,
                                   @RequestParam(defaultValue = "50") int limit) {
        customers.visible(users.current(), id);
        List<Long> ids = new ArrayList<>(merging.mergedInto(id));
        ids.add(0, id);
        return audit.history("customer", ids, cursor, clamp(limit));
    }

    @Operation(summary = "Bulk action on customers: owner (ownerId), tag (tag), status (status) or delete; reports per id")
    @PostMapping("/bulk")
    CustomerManagement.BulkResult bulk(@RequestBody BulkRequest request) {
        CurrentUser me = users.current();
        String action = request.action() == null ? "" : request.action();
        return switch (action) {
            case "owner" -> {
                if (request.ownerId() == null) {
                    throw new InvalidInputException("ownerId", "error.required");
                }
                yield customers.changeOwner(me, request.ids(), request.ownerId());
            }
            case "tag" -> customers.addTag(me, request.ids(), request.tag());
            case "status" -> {
                CustomerStatus s = CustomerStatus.parse(request.status());
                if (s == null) {
                    throw new InvalidInputException("status", "error.status.unknown");
                }
                yield customers.changeStatus(me, request.ids(), s);
            }
            case "delete" -> customers.delete(me, request.ids());
            default -> throw new InvalidInputException("action", "error.bulk.action");
        };
    }

    @Operation(summary = "Groups of possible duplicates by kind: phone, email, creditCode or name (pinyin-folded); paged by key")
    @GetMapping("/duplicates")
    CursorPage<CustomerMerging.DuplicateGroup> duplicates(@RequestParam(defaultValue = "phone") String kind,
                                                          @RequestParam(required = false) String cursor,
                                                          @RequestParam(defaultValue = "20") int limit) {
        return merging.groups(users.current(), kind, cursor, Math.min(clamp(limit), 100));
    }

    @Operation(summary = "Merge customers into a survivor; choices maps a field to the customer id whose value to keep")
    @PostMapping("/merge")
    CustomerDetails merge(@RequestBody MergeRequest request) {
        if (request.survivorId() == null) {
            throw new InvalidInputException("survivorId", "error.required");
        }
        return merging.merge(users.current(), request.survivorId(), request.ids(), request.choices(), request.versions());
    }

    static int clamp(int limit) {
        return Math.max(1, Math.min(limit, 200));
    }
}
