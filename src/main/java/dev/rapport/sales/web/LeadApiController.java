package dev.rapport.sales.web;

import dev.rapport.activities.ActivityInput;
import dev.rapport.activities.ActivityView;
import dev.rapport.activities.LeadActivities;
import dev.rapport.identity.AuditEntry;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.ETags;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.sales.LeadDetails;
import dev.rapport.sales.LeadFilter;
import dev.rapport.sales.LeadManagement;
import dev.rapport.sales.LeadRow;
import dev.rapport.sales.LeadStatus;
import dev.rapport.sales.query.LeadQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
@RequestMapping("/api/v1/leads")
@Tag(name = "Leads", description = "Leads (线索): people who showed interest, before they become customers")
class LeadApiController {

    record Created(LeadDetails lead, List<LeadRow> possibleDuplicates) {
    }

    record Count(long count, boolean capped) {
    }

    record StatusRequest(String status, String reason, Long version) {
    }

    record BulkRequest(String action, List<Long> ids, Long ownerId, String status) {
    }

    record ActivityRequest(String type, String subject, String body, Instant occurredAt, Instant dueAt, Instant remindAt,
                           Long ownerId) {
    }

    private final LeadManagement leads;
    private final LeadQuery query;
    private final LeadActivities activities;
    private final UserManagement users;
    private final AuditLog audit;

    LeadApiController(LeadManagement leads, LeadQuery query, LeadActivities activities, UserManagement users, AuditLog audit) {
        this.leads = leads;
        this.query = query;
        this.activities = activities;
        this.users = users;
        this.audit = audit;
    }

    @Operation(summary = "List leads", description = "Filters: status (comma list of new, working, qualified, unqualified, converted), source, owner, createdFrom, createdTo, q (name, company, pinyin, initials, phone, e-mail); newest first; keyset paging with limit (max 200) and cursor.")
    @GetMapping
    CursorPage<LeadRow> list(@Parameter(hidden = true) @RequestParam Map<String, String> params,
                             @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String cursor) {
        CurrentUser me = users.current();
        me.require("lead", "view");
        CursorPage<LeadRow> page = query.list(LeadFilter.from(params), users.scopeOf(me), cursor, clamp(limit));
        return new CursorPage<>(leads.named(page.items()), page.next());
    }

    @Operation(summary = "Count leads matching the filters, exact up to 10,000 (then capped=true)")
    @GetMapping("/count")
    Count count(@Parameter(hidden = true) @RequestParam Map<String, String> params) {
        CurrentUser me = users.current();
        me.require("lead", "view");
        long n = query.count(LeadFilter.from(params), users.scopeOf(me));
        return new Count(Math.min(n, LeadQuery.COUNT_CAP), n > LeadQuery.COUNT_CAP);
    }

    @Operation(summary = "Create a lead; without ownerId the assignment rules choose the owner (else you). The answer lists visible leads with the same phone or e-mail")
    @PostMapping
    ResponseEntity<Created> create(@RequestBody LeadRequest request) {
        CurrentUser me = users.current();
        LeadDetails created = leads.create(me, request.toInput());
        return ResponseEntity.created(URI.create("/api/v1/leads/" + created.id())).eTag(ETags.of(created.version()))
                .body(new Created(created, leads.possibleDuplicates(me, created)));
    }

    @GetMapping("/{id}")
    ResponseEntity<LeadDetails> get(@PathVariable long id) {
        LeadDetails l = leads.details(users.current(), id);
        return ResponseEntity.ok().eTag(ETags.of(l.version())).body(l);
    }

    @Operation(summary = "Replace a lead; send If-Match or version (stale → 412/409); a converted lead cannot change")
    @PutMapping("/{id}")
    ResponseEntity<LeadDetails> replace(@PathVariable long id, @RequestBody LeadRequest request,
                                        @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        long version = expected(me, id, ifMatch, request.version());
        LeadDetails l = leads.update(me, id, version, request.toInput());
        return ResponseEntity.ok().eTag(ETags.of(l.version())).body(l);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        leads.delete(users.current(), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Qualify or disqualify: status working, qualified or unqualified (with a reason); send version or If-Match")
    @PostMapping("/{id}/status")
    ResponseEntity<LeadDetails> status(@PathVariable long id, @RequestBody StatusRequest request,
                                       @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        LeadStatus status = LeadStatus.parse(request.status());
        if (status == null) {
            throw new InvalidInputException("status", "error.lead.status");
        }
        long version = expected(me, id, ifMatch, request.version());
        LeadDetails l = leads.changeStatus(me, id, version, status, request.reason());
        return ResponseEntity.ok().eTag(ETags.of(l.version())).body(l);
    }

    @Operation(summary = "Change history (audit) of the lead")
    @GetMapping("/{id}/history")
    CursorPage<AuditEntry> history(@PathVariable long id, @RequestParam(required = false) String cursor,
                                   @RequestParam(defaultValue = "50") int limit) {
        leads.visible(users.current(), id);
        return audit.history("lead", id, cursor, clamp(limit));
    }

    @Operation(summary = "Bulk action on leads: owner (ownerId) or status (new, working, qualified); reports per id")
    @PostMapping("/bulk")
    LeadManagement.BulkResult bulk(@RequestBody BulkRequest request) {
        CurrentUser me = users.current();
        String action = request.action() == null ? "" : request.action();
        return switch (action) {
            case "owner" -> {
                if (request.ownerId() == null) {
                    throw new InvalidInputException("ownerId", "error.required");
                }
                yield leads.changeOwner(me, request.ids(), request.ownerId());
            }
            case "status" -> {
                LeadStatus s = LeadStatus.parse(request.status());
                if (s == null) {
                    throw new InvalidInputException("status", "error.lead.status");
                }
                yield leads.changeStatus(me, request.ids(), s);
            }
            default -> throw new InvalidInputException("action", "error.bulk.action");
        };
    }

    @Operation(summary = "The lead's timeline: notes, calls and tasks, newest first")
    @GetMapping("/{id}/activities")
    CursorPage<ActivityView> timeline(@PathVariable long id, @RequestParam(required = false) String cursor,
                                      @RequestParam(defaultValue = "50") int limit) {
        return activities.timeline(users.current(), id, cursor, clamp(limit));
    }

    @Operation(summary = "Add a note, call, visit, meeting or task to the lead")
    @PostMapping("/{id}/activities")
    ResponseEntity<ActivityView> addActivity(@PathVariable long id, @RequestBody ActivityRequest r) {
        ActivityView a = activities.add(users.current(), id, new ActivityInput(r.type(), r.subject(), r.body(), null,
                r.occurredAt(), r.dueAt(), r.remindAt(), r.ownerId()));
        return ResponseEntity.created(URI.create("/api/v1/leads/" + id + "/activities/" + a.id())).body(a);
    }

    private long expected(CurrentUser me, long id, String ifMatch, Long bodyVersion) {
        long current = leads.visible(me, id).version();
        if ((ifMatch == null || ifMatch.isBlank()) && bodyVersion == null) {
            throw new InvalidInputException("version", "error.version.required");
        }
        return ETags.expectedVersion(ifMatch, bodyVersion, current);
    }

    static int clamp(int limit) {
        return Math.max(1, Math.min(limit, 200));
    }
}
