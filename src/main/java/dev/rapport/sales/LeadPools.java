package dev.rapport.sales;

import dev.rapport.customers.PoolMoveRules;
import dev.rapport.customers.Pool;
import dev.rapport.customers.PoolCapReachedException;
import dev.rapport.customers.Pools;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.DataScope;
import dev.rapport.identity.OwnerScope;
import dev.rapport.identity.UserManagement;
import dev.rapport.identity.UserSummary;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.domain.LeadPoolStore;
import dev.rapport.sales.domain.LeadStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads (线索) in the public pools (公海池), by the same rules as customers
 * ({@link dev.rapport.customers.PoolMoves}), each move audited on the lead in the same transaction:
 * <ul>
 * <li>claim (领取): a rep with {@code lead:edit} takes unowned leads from a pool they may see, up
 * to its claim cap. The cap is the pool's claim cap counted over leads alone: a rep may hold that
 * many leads and, apart from them, that many customers from the pool (see docs/adr/0006);</li>
 * <li>release (退回公海): the owner, or a manager whose scope covers the owner, puts a lead back
 * with a reason, into the pool it came from, a named one, or the owner's default pool; one lead or,
 * from the lead list, many at once;</li>
 * <li>assign (分配): a manager gives pool leads to a user in their scope; not capped;</li>
 * <li>move: an administrator ({@code pool:manage}) moves leads to another pool.</li>
 * </ul>
 * Claims from one pool lock the pool row ({@link Pools#lockForClaims}), the same lock customer
 * claims take, so the cap holds exactly; the claim itself is a conditional update, so two reps
 * racing for one lead cannot both win. Bulk answers per lead: claimed, assigned, moved, taken,
 * capReached or notFound (never saying whether an invisible lead exists); a bulk release answers
 * as {@link #releaseAll} says.
 */
@Service
public class LeadPools {

    /** What happened to one lead of a bulk call. */
    public record Outcome(long leadId, String result) {
    }

    public static final int MAX_BULK = PoolMoveRules.MAX_BULK;

    private final LeadPoolStore store;
    private final LeadStore leads;
    private final Pools pools;
    private final UserManagement users;
    private final AuditLog audit;

    LeadPools(LeadPoolStore store, LeadStore leads, Pools pools, UserManagement users, AuditLog audit) {
        this.store = store;
        this.leads = leads;
        this.pools = pools;
        this.users = users;
        this.audit = audit;
    }

    /** A page of a visible pool's unowned leads, newest first; {@code beforeId} is the keyset cursor. */
    public List<LeadRow> inPool(CurrentUser user, long poolId, Long beforeId, int limit) {
        user.require("lead", "view");
        pools.visible(user, poolId);
        return store.inPool(poolId, beforeId, limit);
    }

    public long countInPool(CurrentUser user, long poolId) {
        user.require("lead", "view");
        pools.visible(user, poolId);
        return store.countInPool(poolId);
    }

    /** How many leads from the pool the user holds now (what the cap counts). */
    public int heldFrom(CurrentUser user, long poolId) {
        return store.ownedFrom(poolId, user.id());
    }

    /** A lead its owner should follow up before {@code dueAt}, or it goes back to {@code poolId}. */
    public record DueLead(long id, String name, String company, long poolId, Instant dueAt) {
    }

    /**
     * The user's leads that the pools' follow-up rules will take back within the pools' warning days:
     * where the daily warning sends them (with their customers), soonest first.
     */
    public List<DueLead> dueSoon(CurrentUser user, int limit) {
        user.require("lead", "view");
        Instant now = audit.now();
        Long defaultPool = pools.defaultPoolByOwner().get(user.id());
        List<DueLead> out = new ArrayList<>();
        for (Pool p : pools.all()) {
            if (!p.enabled() || p.followUpDays() == null) {
                continue;
            }
            Instant cutoff = now.minus(java.time.Duration.ofDays(p.followUpDays() - (long) p.warningDays()));
            java.time.Duration days = java.time.Duration.ofDays(p.followUpDays());
            List<LeadPoolStore.DueSoon> found = new ArrayList<>(store.dueSoon(user.id(), p.id(), cutoff, limit));
            if (defaultPool != null && defaultPool == p.id()) {
                found.addAll(store.dueSoon(user.id(), null, cutoff, limit));
            }
            for (LeadPoolStore.DueSoon d : found) {
                Instant clock = d.lastActivityAt() != null && d.lastActivityAt().isAfter(d.ownedSince()) ? d.lastActivityAt() : d.ownedSince();
                out.add(new DueLead(d.id(), d.name(), d.company(), p.id(), clock.plus(days)));
            }
        }
        out.sort(java.util.Comparator.comparing(DueLead::dueAt).thenComparing(DueLead::id));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    @Transactional
    public List<Outcome> claim(CurrentUser user, long poolId, List<Long> leadIds) {
        user.require("lead", "edit");
        Pool pool = pools.visible(user, poolId);
        List<Long> ids = distinct(leadIds);
        pools.lockForClaims(poolId);
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

    /** Gives pool leads to a user in the manager's scope; not capped, audited like a claim. */
    @Transactional
    public List<Outcome> assign(CurrentUser user, long poolId, List<Long> leadIds, long ownerId) {
        user.require("lead", "edit");
        if (user.scope() == DataScope.OWN) {
            throw new AccessDeniedException("assigning needs a manager's data scope");
        }
        pools.visible(user, poolId);
        if (users.find(ownerId).filter(UserSummary::active).isEmpty() || !users.scopeOf(user).includes(ownerId)) {
            throw new InvalidInputException("ownerId", "error.owner.invalid");
        }
        List<Long> ids = distinct(leadIds);
        pools.lockForClaims(poolId);
        List<Long> free = store.lockFree(poolId, ids);
        store.give(free, ownerId, audit.now());
        record(free, "pool.assign", user.id(), null, ownerId, poolId, poolId, null);
        return outcomes(ids, free, "assigned", free, store.taken(poolId, ids));
    }

    /**
     * Puts a lead back into a pool ({@code poolId}, else the pool it came from, else its owner's
     * default pool), with a reason. The caller must have the owner in their scope; {@code
     * expectedVersion} must be the version they saw (stale → 409). A converted lead stays where it is.
     */
    @Transactional
    public void release(CurrentUser user, long leadId, Long poolId, String reason, long expectedVersion) {
        user.require("lead", "edit");
        String why = validReason(reason);
        LeadDetails lead = leads.find(leadId).orElseThrow(() -> new NotFoundException("lead", leadId));
        PoolMoveRules.Release check = check(users.scopeOf(user), lead, poolId, pools.defaultPoolByOwner(),
                PoolMoveRules.poolsSeenBy(pools, user));
        if ("converted".equals(check.refusal())) {
            throw new InvalidInputException("status", "error.lead.converted");
        }
        check.throwIfRefused("lead", leadId);
        if (lead.version() != expectedVersion || !store.putInPool(leadId, expectedVersion, check.target(), audit.now())) {
            throw new StaleVersionException("lead", leads.find(leadId).map(LeadDetails::version).orElse(-1L));
        }
        record(List.of(leadId), "pool.release", user.id(), lead.ownerId(), null, lead.poolId(), check.target(), why);
    }

    /**
     * {@link #release} for many leads at once (the lead list's bulk action): one reason, one pool
     * ({@code poolId}, or null for each lead's own pool, else its owner's default pool), each lead at
     * its current version. One lead's refusal does not stop the others; each answers on its own:
     * {@code released}, {@code inPool} (already in a pool), {@code converted} (stays with its
     * customer), {@code noPool} (no pool named, none it came from, no default for its owner),
     * {@code poolHidden} (the pool it would go to is not open to the user), {@code changed} (edited
     * or converted meanwhile: try again) or {@code notFound}. Each release is audited like a single one.
     */
    @Transactional
    public List<Outcome> releaseAll(CurrentUser user, List<Long> leadIds, Long poolId, String reason) {
        user.require("lead", "edit");
        String why = validReason(reason);
        List<Long> ids = distinct(leadIds);
        Map<Long, PoolMoveRules.Releasable> found = new HashMap<>();
        leads.findAll(ids).forEach(l -> found.put(l.id(),
                new PoolMoveRules.Releasable(l.ownerId(), l.poolId(), l.version(), l.converted() ? "converted" : null)));
        Instant now = audit.now();
        return PoolMoveRules.releaseEach(ids, found, poolId, users.scopeOf(user), pools.defaultPoolByOwner(),
                        PoolMoveRules.poolsSeenBy(pools, user), (id, version, target) -> store.putInPool(id, version, target, now),
                        (id, was, target) -> record(List.of(id), "pool.release", user.id(), was.ownerId(), null, was.poolId(), target, why))
                .entrySet().stream().map(e -> new Outcome(e.getKey(), e.getValue())).toList();
    }

    /**
     * The names of the leads among {@code ids} that the user may see (owned within their scope, or
     * waiting in a pool they may see), for the per-lead report of a bulk call; others are left out.
     */
    public Map<Long, String> names(CurrentUser user, List<Long> ids) {
        user.require("lead", "view");
        OwnerScope scope = users.scopeOf(user);
        LongPredicate canSee = PoolMoveRules.poolsSeenBy(pools, user);
        Map<Long, String> out = new HashMap<>();
        for (LeadDetails l : leads.findAll(distinct(ids))) {
            if (l.inPool() ? l.poolId() != null && canSee.test(l.poolId()) : scope.includes(l.ownerId())) {
                out.put(l.id(), l.name());
            }
        }
        return out;
    }

    /** The shared release check ({@link PoolMoveRules#checkRelease}); a converted lead stays with its customer. */
    private static PoolMoveRules.Release check(OwnerScope scope, LeadDetails lead, Long poolId, Map<Long, Long> defaults,
                                               LongPredicate canSee) {
        return PoolMoveRules.checkRelease(scope, lead.ownerId(), lead.poolId(), lead.converted() ? "converted" : null, poolId,
                defaults, canSee);
    }

    /** Moves leads to another pool (administrators); owned ones keep their owner under the new pool's rules. */
    @Transactional
    public List<Outcome> move(CurrentUser user, List<Long> leadIds, long toPoolId) {
        user.require(Pools.MANAGE);
        pools.visible(user, toPoolId);
        List<Long> ids = distinct(leadIds);
        List<LeadDetails> found = leads.findAll(ids);
        List<Long> moved = found.stream().map(LeadDetails::id).toList();
        if (!moved.isEmpty()) {
            store.moveToPool(moved, toPoolId, audit.now());
            for (LeadDetails l : found) {
                audit.recordChanges("lead", l.id(), "pool.move", user.id(), List.of(new AuditLog.Change("pool_id", l.poolId(), toPoolId)));
            }
        }
        return outcomes(ids, moved, "moved", moved, List.of());
    }

    private void record(List<Long> ids, String action, long actorId, Long oldOwner, Long newOwner, Long oldPool, Long newPool,
                        String reason) {
        PoolMoveRules.record(audit, "lead", ids, action, actorId, oldOwner, newOwner, oldPool, newPool, reason);
    }

    private static List<Outcome> outcomes(List<Long> ids, List<Long> done, String doneResult, List<Long> free, List<Long> taken) {
        return PoolMoveRules.results(ids, done, doneResult, free, taken).entrySet().stream()
                .map(e -> new Outcome(e.getKey(), e.getValue())).toList();
    }

    private static String validReason(String reason) {
        return PoolMoveRules.validReason(reason);
    }

    private static List<Long> distinct(List<Long> ids) {
        return PoolMoveRules.distinct(ids, "leadIds");
    }
}
