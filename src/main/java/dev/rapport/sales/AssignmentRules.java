package dev.rapport.sales;

import dev.rapport.customers.CustomerLookup;
import dev.rapport.customers.OwnerRouting;
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
 * Assignment rules (分配规则) route a new lead or customer that has no owner: the first active rule
 * for that kind of record, in position order, whose territory matches picks the owner. Deactivated
 * users are skipped; a rule with nobody left to choose passes to the next rule. Customers ask
 * through {@link OwnerRouting}, which this implements, so the customers module never calls sales.
 */
@Service
public class AssignmentRules implements OwnerRouting {

    /** The owner a rule chose. */
    public record Assignment(long ruleId, String ruleName, long ownerId) {
    }

    private final AssignmentRuleStore store;
    private final LeadStore leads;
    private final UserManagement users;
    private final AuditLog audit;
    private final CustomerLookup customers;

    AssignmentRules(AssignmentRuleStore store, LeadStore leads, UserManagement users, AuditLog audit, CustomerLookup customers) {
        this.customers = customers;
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
        audit.record("assignmentRule", id, "create", user.id(), in.name() + " " + in.strategy() + " " + in.userIds() + " " + appliesTo(in));
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
        audit.record("assignmentRule", id, "update", user.id(), in.name() + " " + in.strategy() + " " + in.userIds() + " " + appliesTo(in));
        return get(user, id);
    }

    @Transactional
    public void delete(CurrentUser user, long id) {
        AssignmentRule old = get(user, id);
        store.delete(id);
        audit.record("assignmentRule", id, "delete", user.id(), old.name());
    }

    /** Picks an owner for a new record ({@code kind} leads or customers) with these fields, or nothing when no rule applies. Call in the record's transaction. */
    public Optional<Assignment> route(String kind, String province, String city, String industry, String source) {
        return Optional.ofNullable(routeAll(kind, List.of(new Territory(province, city, industry, source))).get(0));
    }

    @Override
    public List<Routed> routeCustomers(List<Territory> territories) {
        return routeAll(AssignmentRule.CUSTOMERS, territories).stream()
                .map(a -> a == null ? null : new Routed(a.ownerId(), a.ruleId(), a.ruleName())).toList();
    }

    /**
     * Routes a batch of new records at once, one answer per territory (null where no rule applies):
     * the rules, the active users and the loads are read once, and each round-robin rule takes all
     * the batch's turns in one update, so an import of thousands costs a few statements.
     */
    public List<Assignment> routeAll(String kind, List<Territory> territories) {
        Set<Long> active = users.all().stream().filter(UserSummary::active).map(UserSummary::id).collect(Collectors.toSet());
        List<AssignmentRule> rules = store.all().stream().filter(r -> r.appliesTo(kind)).toList();
        List<AssignmentRule> chosen = new java.util.ArrayList<>(territories.size());
        Map<Long, Integer> turns = new java.util.HashMap<>();
        for (Territory t : territories) {
            AssignmentRule rule = rules.stream().filter(r -> r.matches(kind, t.province(), t.city(), t.industry(), t.source()))
                    .filter(r -> r.userIds().stream().anyMatch(active::contains)).findFirst().orElse(null);
            chosen.add(rule);
            if (rule != null && "round_robin".equals(rule.strategy())) {
                turns.merge(rule.id(), 1, Integer::sum);
            }
        }
        Map<Long, Long> nextTurn = new java.util.HashMap<>();
        turns.forEach((ruleId, n) -> nextTurn.put(ruleId, store.takeTurns(ruleId, n)));
        Map<Long, Long> load = loads(kind, chosen, active);
        List<Assignment> out = new java.util.ArrayList<>(territories.size());
        for (AssignmentRule rule : chosen) {
            if (rule == null) {
                out.add(null);
                continue;
            }
            List<Long> candidates = rule.userIds().stream().filter(active::contains).toList();
            long owner = switch (rule.strategy()) {
                case "round_robin" -> candidates.get((int) Math.floorMod(nextTurn.merge(rule.id(), 1L, Long::sum) - 1,
                        (long) candidates.size()));
                // ties go to the user listed first, so the order in the rule is a stable preference
                case "load_balanced" -> candidates.stream().min(Comparator.comparingLong(id -> load.getOrDefault(id, 0L))).orElseThrow();
                default -> candidates.get(0);
            };
            load.merge(owner, 1L, Long::sum);
            out.add(new Assignment(rule.id(), rule.name(), owner));
        }
        return out;
    }

    /** The load of the users of the batch's load-balanced rules: open leads, or customers owned. */
    private Map<Long, Long> loads(String kind, List<AssignmentRule> chosen, Set<Long> active) {
        Set<Long> people = chosen.stream().filter(r -> r != null && "load_balanced".equals(r.strategy()))
                .flatMap(r -> r.userIds().stream()).filter(active::contains).collect(Collectors.toSet());
        if (people.isEmpty()) {
            return new java.util.HashMap<>();
        }
        return new java.util.HashMap<>(AssignmentRule.CUSTOMERS.equals(kind) ? customers.ownedCounts(people) : leads.openCounts(people));
    }

    private static String appliesTo(AssignmentRuleInput in) {
        return in.appliesTo() == null || in.appliesTo().isBlank() ? AssignmentRule.LEADS : in.appliesTo();
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
        if (in.appliesTo() != null && !in.appliesTo().isBlank() && !AssignmentRule.APPLIES_TO.contains(in.appliesTo())) {
            errors.reject("appliesTo", "error.value.invalid");
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
