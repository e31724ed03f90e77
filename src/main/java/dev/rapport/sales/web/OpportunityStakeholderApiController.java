package dev.rapport.sales.web;

import dev.rapport.customers.DecisionChain;
import dev.rapport.customers.Stakeholder;
import dev.rapport.customers.StakeholderInput;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.sales.OpportunityStakeholders;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The decision chain (决策链) of an opportunity: the organization's, with this deal's own places. */
@RestController
@RequestMapping("/api/v1/opportunities/{id}")
@Tag(name = "Opportunities")
class OpportunityStakeholderApiController {

    record PlaceRequest(String role, String attitude, Integer influence, Integer strength, Long reportsToId, String notes,
                        Long version) {
    }

    private final OpportunityStakeholders chains;
    private final UserManagement users;

    OpportunityStakeholderApiController(OpportunityStakeholders chains, UserManagement users) {
        this.chains = chains;
        this.users = users;
    }

    @Operation(summary = "The opportunity's decision chain: each contact of its customer with role, attitude, influence, "
            + "strength and reportsToId; context tells whether the place is this opportunity's own or the organization's")
    @GetMapping("/decision-chain")
    DecisionChain chain(@PathVariable long id) {
        return chains.chain(users.current(), id);
    }

    @Operation(summary = "Set a contact's place in this opportunity (version 0 for its first own place; stale → 409)")
    @PutMapping("/stakeholders/{contactId}")
    ResponseEntity<Stakeholder> put(@PathVariable long id, @PathVariable long contactId, @RequestBody PlaceRequest r) {
        if (r.version() == null) {
            throw new InvalidInputException("version", "error.version.required");
        }
        return ResponseEntity.ok(chains.set(users.current(), id, contactId, r.version(),
                new StakeholderInput(r.role(), r.attitude(), r.influence(), r.strength(), r.reportsToId(), r.notes())));
    }

    @Operation(summary = "Drop this opportunity's own place of a contact: the organization's applies again")
    @DeleteMapping("/stakeholders/{contactId}")
    ResponseEntity<Void> remove(@PathVariable long id, @PathVariable long contactId, @RequestParam long version) {
        chains.remove(users.current(), id, contactId, version);
        return ResponseEntity.noContent().build();
    }
}
