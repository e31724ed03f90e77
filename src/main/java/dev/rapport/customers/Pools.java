package dev.rapport.customers;

import dev.rapport.customers.domain.PoolStore;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import dev.rapport.platform.StaleVersionException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public pools (公海池) and who may see them. A user sees a pool (and may claim from it) when
 * it names no departments, when their department is one of its departments or lies below one, or
 * when they manage pools ({@code pool:manage}). A pool the user may not see is "not found", and so
 * are its customers. Leads will join the same pools later through the same rules: the sales module
 * asks {@link #visible(CurrentUser, long)} before it lets a rep claim a lead from a pool.
 */
@Service
public class Pools {

    public static final String MANAGE = "pool:manage";

    private final PoolStore store;
    private final UserManagement users;
    private final AuditLog audit;
    private final Clock clock;

    Pools(PoolStore store, UserManagement users, AuditLog audit, Clock clock) {
        this.store = store;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** The pools the user may see, by name. */
    public List<Pool> visible(CurrentUser user) {
        return store.all().stream().filter(p -> canSee(user, p)).toList();
    }

    /** A pool the user may see; otherwise "not found", whether it exists or not. */
    public Pool visible(CurrentUser user, long id) {
        return store.find(id).filter(p -> canSee(user, p)).orElseThrow(() -> new NotFoundException("pool", id));
    }

    public boolean canSee(CurrentUser user, long poolId) {
        return store.find(poolId).map(p -> canSee(user, p)).orElse(false);
    }

    boolean canSee(CurrentUser user, Pool p) {
        return user.can(MANAGE) || p.departmentIds().isEmpty() || users.inDepartments(user.departmentId(), p.departmentIds());
    }

    /**
     * Locks the pool row until the caller's transaction ends: claims from one pool, of customers or
     * of another module's records (leads), run one after another, so a claim cap holds exactly.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void lockForClaims(long poolId) {
        store.lock(poolId);
    }

    /** Every pool, for the recapture job. */
    public List<Pool> all() {
        return store.all();
    }

    /**
     * For owned customers that came from no pool: the default pool whose rules apply, by owner. An
     * owner belongs to the first enabled default pool (by id) that names their department or one
     * above it; a default pool that names no departments takes everyone left.
     */
    public Map<Long, Long> defaultPoolByOwner() {
        Map<Long, Long> out = new java.util.HashMap<>();
        List<Pool> defaults = store.all().stream().filter(p -> p.enabled() && p.defaultPool())
                .sorted(java.util.Comparator.comparing(Pool::id)).toList();
        for (Pool p : defaults) {
            if (!p.departmentIds().isEmpty()) {
                users.usersInDepartments(p.departmentIds()).forEach(u -> out.putIfAbsent(u, p.id()));
            }
        }
        defaults.stream().filter(p -> p.departmentIds().isEmpty()).findFirst()
                .ifPresent(p -> users.all().forEach(u -> out.putIfAbsent(u.id(), p.id())));
        return out;
    }

    @Transactional
    public Pool create(CurrentUser user, PoolInput input) {
        user.require(MANAGE);
        PoolInput valid = validate(input);
        long id = store.insert(valid, now());
        audit.recordChanges("pool", id, "create", user.id(), changes(null, valid));
        return store.find(id).orElseThrow();
    }

    /** Creates a pool for a trusted program (demo data): validated like any pool, audited without a user. */
    @Transactional
    public Pool createBySystem(PoolInput input) {
        PoolInput valid = validate(input);
        long id = store.insert(valid, now());
        audit.recordChanges("pool", id, "create", null, changes(null, valid));
        return store.find(id).orElseThrow();
    }

    @Transactional
    public Pool update(CurrentUser user, long id, long expectedVersion, PoolInput input) {
        user.require(MANAGE);
        Pool old = store.find(id).orElseThrow(() -> new NotFoundException("pool", id));
        if (old.version() != expectedVersion) {
            throw new StaleVersionException("pool", old.version());
        }
        PoolInput valid = validate(input);
        if (!store.update(id, expectedVersion, valid, now())) {
            throw new StaleVersionException("pool", store.find(id).map(Pool::version).orElse(-1L));
        }
        audit.recordChanges("pool", id, "update", user.id(), changes(old, valid));
        return store.find(id).orElseThrow();
    }

    private PoolInput validate(PoolInput in) {
        var errors = new InvalidInputException.Collector();
        String name = in.name() == null ? "" : in.name().trim();
        if (name.isEmpty() || name.length() > 100) {
            errors.reject("name", "error.required");
        }
        if (in.description() != null && in.description().length() > 1000) {
            errors.reject("description", "error.tooLong", 1000);
        }
        positive(errors, "claimCap", in.claimCap());
        positive(errors, "followUpDays", in.followUpDays());
        positive(errors, "purchaseDays", in.purchaseDays());
        int warning = in.warningDays() == null ? 0 : in.warningDays();
        if (warning < 0 || warning > 365) {
            errors.reject("warningDays", "pool.error.warningDays");
        }
        List<Long> departments = in.departmentIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(in.departmentIds()));
        Map<Long, String> known = users.departmentChoices();
        if (departments.stream().anyMatch(d -> !known.containsKey(d))) {
            errors.reject("departmentIds", "error.value.invalid");
        }
        errors.throwIfAny();
        String description = in.description() == null || in.description().isBlank() ? null : in.description().trim();
        return new PoolInput(name, description, in.claimCap(), in.followUpDays(), in.purchaseDays(), warning,
                Boolean.TRUE.equals(in.defaultPool()), in.enabled() == null || in.enabled(), departments);
    }

    private static void positive(InvalidInputException.Collector errors, String field, Integer value) {
        if (value != null && (value < 1 || value > 100_000)) {
            errors.reject(field, "pool.error.positive");
        }
    }

    private static List<AuditLog.Change> changes(Pool old, PoolInput p) {
        List<AuditLog.Change> out = new ArrayList<>();
        out.add(new AuditLog.Change("name", old == null ? null : old.name(), p.name()));
        out.add(new AuditLog.Change("description", old == null ? null : old.description(), p.description()));
        out.add(new AuditLog.Change("claim_cap", old == null ? null : old.claimCap(), p.claimCap()));
        out.add(new AuditLog.Change("followup_days", old == null ? null : old.followUpDays(), p.followUpDays()));
        out.add(new AuditLog.Change("purchase_days", old == null ? null : old.purchaseDays(), p.purchaseDays()));
        out.add(new AuditLog.Change("warning_days", old == null ? null : old.warningDays(), p.warningDays()));
        out.add(new AuditLog.Change("default_pool", old == null ? null : old.defaultPool(), p.defaultPool()));
        out.add(new AuditLog.Change("enabled", old == null ? null : old.enabled(), p.enabled()));
        out.add(new AuditLog.Change("departments", old == null ? null : old.departmentIds(), p.departmentIds()));
        return out;
    }

    private Instant now() {
        return clock.instant();
    }
}
