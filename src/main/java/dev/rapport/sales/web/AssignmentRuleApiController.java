package dev.rapport.sales.web;

import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.ETags;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.sales.AssignmentRule;
import dev.rapport.sales.AssignmentRuleInput;
import dev.rapport.sales.AssignmentRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/assignment-rules")
@Tag(name = "Assignment rules", description = "Routing of new leads and customers without an owner (分配规则); needs assignment:manage")
class AssignmentRuleApiController {

    record RuleRequest(String name, Integer position, Boolean active, String matchProvince, String matchCity,
                       String matchIndustry, String matchSource, String strategy, List<Long> userIds, Long version,
                       String appliesTo) {
        AssignmentRuleInput toInput() {
            return new AssignmentRuleInput(name, position, active, matchProvince, matchCity, matchIndustry, matchSource, strategy,
                    userIds, appliesTo);
        }
    }

    private final AssignmentRules rules;
    private final UserManagement users;

    AssignmentRuleApiController(AssignmentRules rules, UserManagement users) {
        this.rules = rules;
        this.users = users;
    }

    @Operation(summary = "Rules in the order they are tried")
    @GetMapping
    List<AssignmentRule> list() {
        return rules.list(users.current());
    }

    @Operation(summary = "Create a rule: territory (matchProvince, matchCity, matchIndustry, matchSource: comma lists, empty = any) and strategy fixed, round_robin or load_balanced among userIds; appliesTo = leads (default), customers or both")
    @PostMapping
    ResponseEntity<AssignmentRule> create(@RequestBody RuleRequest request) {
        AssignmentRule r = rules.create(users.current(), request.toInput());
        return ResponseEntity.created(URI.create("/api/v1/assignment-rules/" + r.id())).eTag(ETags.of(r.version())).body(r);
    }

    @GetMapping("/{id}")
    ResponseEntity<AssignmentRule> get(@PathVariable long id) {
        AssignmentRule r = rules.get(users.current(), id);
        return ResponseEntity.ok().eTag(ETags.of(r.version())).body(r);
    }

    @Operation(summary = "Replace a rule; send If-Match or version")
    @PutMapping("/{id}")
    ResponseEntity<AssignmentRule> replace(@PathVariable long id, @RequestBody RuleRequest request,
                                           @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        long current = rules.get(me, id).version();
        if ((ifMatch == null || ifMatch.isBlank()) && request.version() == null) {
            throw new InvalidInputException("version", "error.version.required");
        }
        AssignmentRule r = rules.update(me, id, ETags.expectedVersion(ifMatch, request.version(), current), request.toInput());
        return ResponseEntity.ok().eTag(ETags.of(r.version())).body(r);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        rules.delete(users.current(), id);
        return ResponseEntity.noContent().build();
    }
}
