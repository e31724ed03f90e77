package dev.rapport.customers;

import dev.rapport.customers.domain.CustomerStore;
import dev.rapport.customers.domain.PoolStore;
import dev.rapport.customers.domain.StoredCustomer;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.DataScope;
import dev.rapport.identity.OwnerScope;
import dev.rapport.identity.UserManagement;
import dev.rapport.identity.UserSummary;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import dev.rapport.platform.StaleVersionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moving customers in and out of the public pools, each move audited as an owner change (with the
 * pool and, for a release, the reason) in the same transaction:
 * <ul>
 * <li>claim (领取): a rep takes unowned customers from a pool they may see, up to its claim cap;</li>
 * <li>release (退回公海): the owner, or a manager whose scope covers the owner, puts a customer back,
 * with a reason;</li>
 * <li>assign (分配): a manager (any data scope wider than their own records) gives pool customers
 * to a user in their scope; the cap does not apply;</li>
 * <li>move: an administrator ({@code pool:manage}) moves customers to another pool.</li>
 * </ul>
 * Bulk calls answer per customer, each id once in request order, one customer's refusal not stopping
 * the others: {@code claimed}/{@code assigned}/{@code moved}, {@code taken} (someone else got it
 * first), {@code capReached} or {@code notFound} (never saying whether an invisible customer exists);
 * a bulk release answers as {@link #releaseAll} says.
 */
@Service
public class PoolMoves {

    /** What happened to one customer of a bulk call. */
    public record Outcome(long customerId, String result) {
    }

    public static final int MAX_BULK = PoolMoveRules.MAX_BULK;

    private final PoolStore store;
    private final CustomerStore customers;
    private final Pools pools;
    private final UserManagement users;
    private final AuditLog audit;

    PoolMoves(PoolStore store, CustomerStore customers, Pools pools, UserManagement users, AuditLog audit) {
        this.store = store;
        this.customers = customers;
        this.pools = pools;
        this.users = users;
        this.audit = audit;
    }

    /**
     * Claims customers from a pool for the user. Claims from one pool run one at a time (the pool
     * row is locked), so the cap holds exactly. When the cap stops every claim, the answer is a
     * {@link PoolCapReachedException} naming the cap rather than a list of refusals.
     */
    @Transactional
    public List<Outcome> claim(CurrentUser user, long poolId, List<Long> customerIds) {
        user.require("customer", "edit");
        Pool pool = pools.visible(user, poolId);
        List<Long> ids = distinct(customerIds);
        store.lock(poolId);
        List<Long> free = store.lockFree(poolId, ids);
        int room = pool.claimCap() == null ? Integer.MAX_VALUE : Math.max(0, pool.claimCap() - store.ownedFrom(poolId, user.id()));
        List<Long> won = free.subList(0, Math.min(room, free.size()));
        if (won.isEmpty() && !free.isEmpty()) {
            throw new PoolCapReachedException(pool.name(), pool.claimCap());
        }
        store.give(won, user.id(), audit.now());
        record(won, "pool.claim", user.id(), null, user.id(), poolId, poolId, null);
        return outcomes(ids, won, "claimed", free, store.taken(poolId, ids));
    }

    /** Gives pool customers to a user in the manager's scope; not capped, audited like a claim. */
    @Transactional
    public List<Outcome> assign(CurrentUser user, long poolId, List<Long> customerIds, long ownerId) {
        user.require("customer", "edit");
        if (user.scope() == DataScope.OWN) {
            throw new org.springframework.security.access.AccessDeniedException("assigning needs a manager's data scope");
        }
        Pool pool = pools.visible(user, poolId);
        boolean assignable = users.find(ownerId).filter(UserSummary::active).isPresent() && users.scopeOf(user).includes(ownerId);
        if (!assignable) {
            throw new InvalidInputException("ownerId", "error.owner.invalid");
        }
        List<Long> ids = distinct(customerIds);
        store.lock(pool.id());
        List<Long> free = store.lockFree(poolId, ids);
        store.give(free, ownerId, audit.now());
        record(free, "pool.assign", user.id(), null, ownerId, poolId, poolId, null);
        return outcomes(ids, free, "assigned", free, store.taken(poolId, ids));
    }

    /**
     * Puts a customer back into a pool ({@code poolId}, else the pool it came from, else its owner's
     * default pool), with a reason. The caller must own it or have its owner in their scope; {@code
     * expectedVersion} must be the version they saw (stale → 409).
     */
    @Transactional
    public void release(CurrentUser user, long customerId, Long poolId, String reason, long expectedVersion) {
        user.require("customer", "edit");
        StoredCustomer c = customers.find(customerId).orElseThrow(() -> new NotFoundException("customer", customerId));
        String why = validReason(reason);
        PoolMoveRules.Release check = check(users.scopeOf(user), c, poolId, pools.defaultPoolByOwner(),
                PoolMoveRules.poolsSeenBy(pools, user));
        check.throwIfRefused("customer", customerId);
        if (c.version() != expectedVersion || !store.putInPool(customerId, expectedVersion, check.target(), audit.now())) {
            throw new StaleVersionException("customer", customers.find(customerId).map(StoredCustomer::version).orElse(-1L));
        }
        record(List.of(customerId), "pool.release", user.id(), c.ownerId(), null, c.poolId(), check.target(), why);
    }

    /**
     * {@link #release} for many customers at once (the customer list's bulk action and the API): one
     * reason, one pool ({@code poolId}, or null for each customer's own pool, else its owner's default
     * pool), each customer at its current version. One customer's refusal does not stop the others;
     * each id answers once, in request order: {@code released}, {@code inPool} (already in a pool),
     * {@code noPool} (no pool named, none it came from, no default for its owner), {@code poolHidden}
     * (the pool it would go to is not open to the user), {@code changed} (edited or released
     * meanwhile: try again) or {@code notFound}. Each release is audited like a single one. A missing
     * reason, a named pool the user may not see or too many ids refuse the whole call.
     */
    @Transactional
    public List<Outcome> releaseAll(CurrentUser user, List<Long> customerIds, Long poolId, String reason) {
        user.require("customer", "edit");
        String why = validReason(reason);
        List<Long> ids = distinct(customerIds);
        Map<Long, PoolMoveRules.Releasable> found = new HashMap<>();
        customers.findAll(ids).forEach(c -> found.put(c.id(), new PoolMoveRules.Releasable(c.ownerId(), c.poolId(), c.version(), null)));
        Instant now = audit.now();
        return PoolMoveRules.releaseEach(ids, found, poolId, users.scopeOf(user), pools.defaultPoolByOwner(),
                        PoolMoveRules.poolsSeenBy(pools, user), (id, version, target) -> store.putInPool(id, version, target, now),
                        (id, was, target) -> record(List.of(id), "pool.release", user.id(), was.ownerId(), null, was.poolId(), target, why))
                .entrySet().stream().map(e -> new Outcome(e.getKey(), e.getValue())).toList();
    }

    /**
     * The names of the customers among {@code ids} that the user may see (owned within their scope,
     * or waiting in a pool they may see), for the per-customer report of a bulk call; others are left out.
     */
    public Map<Long, String> names(CurrentUser user, List<Long> ids) {
        user.require("customer", "view");
        OwnerScope scope = users.scopeOf(user);
        LongPredicate canSee = PoolMoveRules.poolsSeenBy(pools, user);
        Map<Long, String> out = new HashMap<>();
        for (StoredCustomer c : customers.findAll(distinct(ids))) {
            if (c.ownerId() == null ? c.poolId() != null && canSee.test(c.poolId()) : scope.includes(c.ownerId())) {
                out.put(c.id(), c.name());
            }
        }
        return out;
    }

    private static PoolMoveRules.Release check(OwnerScope scope, StoredCustomer c, Long poolId, Map<Long, Long> defaults,
                                               LongPredicate canSee) {
        return PoolMoveRules.checkRelease(scope, c.ownerId(), c.poolId(), null, poolId, defaults, canSee);
    }

    /** Moves customers to another pool (administrators); owned ones keep their owner under the new pool's rules. */
    @Transactional
    public List<Outcome> move(CurrentUser user, List<Long> customerIds, long toPoolId) {
        user.require(Pools.MANAGE);
        pools.visible(user, toPoolId);
        List<Long> ids = distinct(customerIds);
        List<StoredCustomer> found = customers.findAll(ids);
        List<Long> moved = found.stream().map(StoredCustomer::id).toList();
        if (!moved.isEmpty()) {
            store.moveToPool(moved, toPoolId, audit.now());
            for (StoredCustomer c : found) {
                audit.recordChanges("customer", c.id(), "pool.move", user.id(),
                        List.of(new AuditLog.Change("pool_id", c.poolId(), toPoolId)));
            }
        }
        return outcomes(ids, moved, "moved", moved, List.of());
    }

    private void record(List<Long> ids, String action, long actorId, Long oldOwner, Long newOwner, Long oldPool, Long newPool,
                        String reason) {
        PoolMoveRules.record(audit, "customer", ids, action, actorId, oldOwner, newOwner, oldPool, newPool, reason);
    }

    private static List<Outcome> outcomes(List<Long> ids, List<Long> done, String doneResult, List<Long> free, List<Long> taken) {
        return PoolMoveRules.results(ids, done, doneResult, free, taken).entrySet().stream()
                .map(e -> new Outcome(e.getKey(), e.getValue())).toList();
    }

    private static String validReason(String reason) {
        return PoolMoveRules.validReason(reason);
    }

    private static List<Long> distinct(List<Long> ids) {
        return PoolMoveRules.distinct(ids, "customerIds");
    }
}
