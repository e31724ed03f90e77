package dev.rapport.activities.web;

import dev.rapport.activities.ActivityInput;
import dev.rapport.activities.ActivityManagement;
import dev.rapport.activities.ActivityView;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.ETags;
import dev.rapport.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Activities", description = "Notes, calls, visits, meetings and tasks (活动)")
class ActivityApiController {

    record ActivityRequest(Long customerId, String type, String subject, String body, Long contactId, Instant occurredAt,
                           Instant dueAt, Instant remindAt, Long ownerId) {
    }

    record CompleteRequest(Long version) {
    }

    private final ActivityManagement activities;
    private final UserManagement users;

    ActivityApiController(ActivityManagement activities, UserManagement users) {
        this.activities = activities;
        this.users = users;
    }

    @Operation(summary = "A customer's timeline, newest first; filter by type")
    @GetMapping("/activities")
    CursorPage<ActivityView> list(@RequestParam long customerId, @RequestParam(required = false) String type,
                                  @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        return activities.timeline(users.current(), customerId, type, cursor, Math.max(1, Math.min(limit, 200)));
    }

    @Operation(summary = "Add a note, call, visit, meeting or task (tasks take dueAt and remindAt)")
    @PostMapping("/activities")
    ResponseEntity<ActivityView> create(@RequestBody ActivityRequest r) {
        if (r.customerId() == null) {
            throw new InvalidInputException("customerId", "error.required");
        }
        ActivityView a = activities.add(users.current(), r.customerId(), new ActivityInput(r.type(), r.subject(), r.body(),
                r.contactId(), r.occurredAt(), r.dueAt(), r.remindAt(), r.ownerId()));
        return ResponseEntity.created(URI.create("/api/v1/activities/" + a.id())).eTag(ETags.of(a.version())).body(a);
    }

    @GetMapping("/activities/{id}")
    ResponseEntity<ActivityView> get(@PathVariable long id) {
        ActivityView a = activities.get(users.current(), id);
        return ResponseEntity.ok().eTag(ETags.of(a.version())).body(a);
    }

    @Operation(summary = "Mark a task done")
    @PostMapping("/activities/{id}/complete")
    ActivityView complete(@PathVariable long id, @RequestBody(required = false) CompleteRequest r) {
        return activities.complete(users.current(), id, r == null ? null : r.version());
    }

    @DeleteMapping("/activities/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        activities.delete(users.current(), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The signed-in user's open tasks, soonest due first")
    @GetMapping("/tasks")
    List<ActivityView> myTasks() {
        return activities.myOpenTasks(users.current(), 500);
    }
}
