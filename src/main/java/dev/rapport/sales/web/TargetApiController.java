package dev.rapport.sales.web;

import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.ETags;
import dev.rapport.sales.TargetAttainment;
import dev.rapport.sales.TargetInput;
import dev.rapport.sales.TargetManagement;
import dev.rapport.sales.TargetView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
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
@RequestMapping("/api/v1/targets")
@Tag(name = "Targets", description = "Sales targets (销售目标) of reps and departments, and their attainment")
class TargetApiController {

    record TargetRequest(String subjectType, Long subjectId, String periodType, LocalDate periodStart, BigDecimal amount,
                         String currency, Integer wonCount, Long version) {
        TargetInput toInput() {
            return new TargetInput(subjectType, subjectId, periodType, periodStart, amount, currency, wonCount);
        }
    }

    private final TargetManagement targets;
    private final UserManagement users;
    private final Clock clock;

    TargetApiController(TargetManagement targets, UserManagement users, Clock clock) {
        this.targets = targets;
        this.users = users;
        this.clock = clock;
    }

    @Operation(summary = "Targets in the caller's data scope whose period starts in [from, to) (default: this year); "
            + "filter by periodType (month, quarter, year), subjectType (user, department) and subjectId")
    @GetMapping
    List<TargetView> list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                          @RequestParam(required = false) String periodType, @RequestParam(required = false) String subjectType,
                          @RequestParam(required = false) Long subjectId) {
        LocalDate start = from != null ? from : LocalDate.now(clock).withDayOfYear(1);
        return targets.list(users.current(), start, to != null ? to : start.plusYears(1), periodType, subjectType, subjectId);
    }

    @GetMapping("/{id}")
    ResponseEntity<TargetView> get(@PathVariable long id) {
        TargetView t = targets.get(users.current(), id);
        return ResponseEntity.ok().eTag(ETags.of(t.version())).body(t);
    }

    @Operation(summary = "Set a target for a rep or a department (needs target:manage); periodStart must start the period")
    @PostMapping
    ResponseEntity<TargetView> create(@RequestBody TargetRequest r) {
        TargetView t = targets.create(users.current(), r.toInput());
        return ResponseEntity.created(URI.create("/api/v1/targets/" + t.id())).eTag(ETags.of(t.version())).body(t);
    }

    @Operation(summary = "Change a target; send If-Match or version")
    @PutMapping("/{id}")
    ResponseEntity<TargetView> replace(@PathVariable long id, @RequestBody TargetRequest r,
                                       @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        long version = ETags.expectedVersion(ifMatch, r.version(), targets.get(me, id).version());
        TargetView t = targets.update(me, id, version, r.toInput());
        return ResponseEntity.ok().eTag(ETags.of(t.version())).body(t);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        targets.delete(users.current(), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Won amount and count in the target's period against the target, with percentages")
    @GetMapping("/{id}/attainment")
    TargetAttainment attainment(@PathVariable long id) {
        return targets.attainment(users.current(), id);
    }
}
