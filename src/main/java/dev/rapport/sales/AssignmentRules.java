package dev.rapport.sales;

import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.identity.UserSummary;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.domain.AssignmentRuleStore;
import dev.rapport.sales.domain.LeadStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assignment rules (分配规则) route a new lead that has no owner: the first active rule, in
 * position order, whose territory matches picks the owner. Deactivated users are skipped; a rule
 * with nobody left to choose passes to the next rule.
 */
@Service
public class AssignmentRules {

    /** The owner a rule chose. */
    public record Assignment(long ruleId, String ruleName, long ownerId) {
    }

    private final AssignmentRuleStore store;
    private final LeadStore leads;
    private final UserManagement users;
    private final AuditLog audit;

    AssignmentRules(AssignmentRuleStore store, LeadStore leads, UserManagement users, AuditLog audit) {
        this.store = store;
        this.leads = leads;
        this.users = users;
        this.audit = audit;
    }

    public List<AssignmentRule> list(CurrentUser user) {
        user.require("assignment:manage");
        return store.all();
    }

    public AssignmentRule get(CurrentUser user, long id) {
        user.require("assignment:manage");
        return store.find(id).orElseThrow(() -> new NotFoundException("assignmentRule", id));
    }

    @Transactional
    public AssignmentRule create(CurrentUser user, AssignmentRuleInput in) {
        user.require("assignment:manage");
        validate(in);
        long id = store.insert(in, in.position() == null ? store.nextPosition() : in.position());
        audit.record("assignmentRule", id, "create", user.id(), in.name() + " " + in.strategy() + " " + in.userIds());
        return get(user, id);
    }

    @Transactional
    public AssignmentRule update(CurrentUser user, long id, long expectedVersion, AssignmentRuleInput in) {
        AssignmentRule old = get(user, id);
        if (old.version() != expectedVersion) {
            throw new StaleVersionException("assignmentRule", old.version());
        }
        validate(in);
        store.update(id, expectedVersion, in, in.position() == null ? old.position() : in.position());
        audit.record("assignmentRule", id, "update", user.id(), in.name() + " " + in.strategy() + " " + in.userIds());
        return get(user, id);
    }

    @Transactional
    public void delete(CurrentUser user, long id) {
        AssignmentRule old = get(user, id);
        store.delete(id);
        audit.record("assignmentRule", id, "delete", user.id(), old.name());
    }

    /** Picks an owner for a new lead with these fields, or nothing when no rule applies. Call in the lead's transaction. */
    public Optional<Assignment> route(String province, String city, String industry, String source) {
        Set<Long> active = users.all().stream().filter(UserSummary::active).map(UserSummary::id).collect(Collectors.toSet());
        for (AssignmentRule rule : store.all()) {
            if (!rule.matches(province, city, industry, source)) {
                continue;
            }
            List<Long> candidates = rule.userIds().stream().filter(active::contains).toList();
            if (candidates.isEmpty()) {
                continue;
            }
            long owner = switch (rule.strategy()) {
                case "round_robin" -> candidates.get((int) Math.floorMod(store.takeTurn(rule.id()), (long) candidates.size()));
                case "load_balanced" -> leastLoaded(candidates);
                default -> candidates.get(0);
            };
            return Optional.of(new Assignment(rule.id(), rule.name(), owner));
        }
        return Optional.empty();
    }

    private long leastLoaded(List<Long> candidates) {
        Map<Long, Long> open = leads.openCounts(candidates);
        // ties go to the user listed first, so the order in the rule is a stable preference
        return candidates.stream().min(Comparator.comparingLong(id -> open.getOrDefault(id, 0L))).orElseThrow();
    }

    private void validate(AssignmentRuleInput in) {
        var errors = new InvalidInputException.Collector();
        if (in.name() == null || in.name().isBlank()) {
            errors.reject("name", "error.required");
        } else if (in.name().trim().length() > 100) {
            errors.reject("name", "error.tooLong", 100);
        }
        if (in.strategy() == null || !AssignmentRule.STRATEGIES.contains(in.strategy())) {
            errors.reject("strategy", "error.value.invalid");
        }
        if (in.userIds() == null || in.userIds().isEmpty()) {
            errors.reject("userIds", "error.required");
        } else {
            for (Long id : in.userIds()) {
                if (id == null || users.find(id).filter(UserSummary::active).isEmpty()) {
                    errors.reject("userIds", "error.owner.invalid");
                    break;
                }
            }
            if (in.userIds().size() > 100) {
                errors.reject("userIds", "error.bulk.tooMany", 100);
            }
        }
        errors.throwIfAny();
    }
}
