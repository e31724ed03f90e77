package dev.rapport.customers.web;

import dev.rapport.customers.DecisionChain;
import dev.rapport.customers.Stakeholder;
import dev.rapport.customers.StakeholderInput;
import dev.rapport.customers.Stakeholders;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.ETags;
import dev.rapport.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Decision chain", description = "Stakeholders of an organization and who reports to whom (决策链)")
class DecisionChainApiController {

    @Schema(description = "A contact's place in the decision chain")
    record StakeholderRequest(
            @Schema(description = "decision-maker, influencer, user, gatekeeper or champion (决策者, 影响者, 使用者, 把关者, 内线)",
                    requiredMode = Schema.RequiredMode.REQUIRED) String role,
            @Schema(description = "supporter, neutral (default) or opponent") String attitude,
            @Schema(description = "1 (low) to 5 (high), or null when unknown") Integer influence,
            @Schema(description = "relationship strength, 1 (weak) to 5 (strong), or null when unknown") Integer strength,
            @Schema(description = "id of another contact of the same organization this contact reports to; no loops") Long reportsToId,
            String notes,
            @Schema(description = "the version read (0 for a contact not yet in the chain), unless If-Match is sent") Long version) {
        StakeholderInput toInput() {
            return new StakeholderInput(role, attitude, influence, strength, reportsToId, notes);
        }
    }

    private final Stakeholders stakeholders;
    private final UserManagement users;

    DecisionChainApiController(Stakeholders stakeholders, UserManagement users) {
        this.stakeholders = stakeholders;
        this.users = users;
    }

    @Operation(summary = "The decision chain of an organization: every contact the user may see, placed (assigned) or not, "
            + "with role, attitude, influence, strength and reportsToId; 404 outside the user's data scope")
    @GetMapping("/customers/{id}/decision-chain")
    DecisionChain chain(@PathVariable long id) {
        return stakeholders.chain(users.current(), id);
    }

    @Operation(summary = "A contact's place in its organization's decision chain")
    @GetMapping("/contacts/{id}/stakeholder")
    ResponseEntity<Stakeholder> get(@PathVariable long id) {
        Stakeholder s = stakeholders.of(users.current(), id);
        return ResponseEntity.ok().eTag(ETags.of(s.version())).body(s);
    }

    @Operation(summary = "Place a contact in the decision chain or change its place; send If-Match or version "
            + "(stale → 409/412); a reporting loop, a contact of another organization or a value out of range → 400 naming the field")
    @PutMapping("/contacts/{id}/stakeholder")
    ResponseEntity<Stakeholder> put(@PathVariable long id, @RequestBody StakeholderRequest request,
                                    @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        if ((ifMatch == null || ifMatch.isBlank()) && request.version() == null) {
            throw new InvalidInputException("version", "error.version.required");
        }
        long current = stakeholders.of(me, id).version();
        Stakeholder s = stakeholders.set(me, id, ETags.expectedVersion(ifMatch, request.version(), current), request.toInput());
        return ResponseEntity.ok().eTag(ETags.of(s.version())).body(s);
    }

    @Operation(summary = "Take a contact out of the decision chain (back to not placed); send If-Match or ?version. "
            + "Contacts reporting to it keep that line")
    @DeleteMapping("/contacts/{id}/stakeholder")
    ResponseEntity<Void> remove(@PathVariable long id, @RequestParam(required = false) Long version,
                                @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        if ((ifMatch == null || ifMatch.isBlank()) && version == null) {
            throw new InvalidInputException("version", "error.version.required");
        }
        long current = stakeholders.of(me, id).version();
        stakeholders.remove(me, id, Stakeholders.ORGANIZATION, ETags.expectedVersion(ifMatch, version, current));
        return ResponseEntity.noContent().build();
    }
}
