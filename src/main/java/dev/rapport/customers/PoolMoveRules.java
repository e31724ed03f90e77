package dev.rapport.customers;

import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.OwnerScope;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * The rules every move into or out of a public pool follows, for customers ({@link PoolMoves}) and
 * for the records other modules keep in the same pools (leads): a bulk request names at most
 * {@value #MAX_BULK} distinct records, a release has a reason and goes where {@link #checkRelease}
 * says, each record gets its own result, and each move is audited as an owner and pool change.
 */
public final class PoolMoveRules {

    public static final int MAX_BULK = 500;

    private PoolMoveRules() {
    }

    /** The ids once each, in the order given; {@code field} names the request field in the error. */
    public static List<Long> distinct(List<Long> ids, String field) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidInputException(field, "error.required");
        }
        if (ids.size() > MAX_BULK) {
            throw new InvalidInputException(field, "error.bulk.tooMany", MAX_BULK);
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    /** A release's reason, trimmed: required, at most 500 characters. */
    public static String validReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "error.required");
        }
        if (reason.length() > 500) {
            throw new InvalidInputException("reason", "error.tooLong", 500);
        }
        return reason.trim();
    }

    /**
     * Each requested id's result, in request order: {@code doneResult} when it moved, "capReached"
     * when it was free but over the cap, "taken" when someone holds it, else "notFound".
     */
    public static Map<Long, String> results(List<Long> ids, List<Long> done, String doneResult, List<Long> free, List<Long> taken) {
        Set<Long> doneSet = new HashSet<>(done);
        Set<Long> freeSet = new HashSet<>(free);
        Set<Long> takenSet = new HashSet<>(taken);
        Map<Long, String> out = new LinkedHashMap<>();
        for (Long id : ids) {
            out.put(id, doneSet.contains(id) ? doneResult
                    : freeSet.contains(id) ? "capReached" : takenSet.contains(id) ? "taken" : "notFound");
        }
        return out;
    }

    /**
     * Where a release of one record would go ({@code target}), or why it may not be released: {@code
     * refusal} is one of the bulk results ({@code inPool}, {@code notFound}, {@code noPool}, {@code
     * poolHidden}, or the refusal of the record's own kind that was passed in), null when it may go.
     */
    public record Release(String refusal, Long target) {

        /**
         * For a single release, the refusal as the error the user gets: already in a pool and no pool
         * to go to or a hidden one are bad input, an invisible record is "not found". A refusal of
         * the record's own kind is left to the caller.
         */
        public void throwIfRefused(String entityType, long id) {
            if (refusal == null) {
                return;
            }
            switch (refusal) {
                case "inPool" -> throw new InvalidInputException(entityType, "pool.error.notOwned");
                case "noPool" -> throw new InvalidInputException("poolId", "error.required");
                case "poolHidden" -> throw new InvalidInputException("poolId", "error.value.invalid");
                case "notFound" -> throw new NotFoundException(entityType, id);
                default -> {
                }
            }
        }
    }

    /**
     * Whether a record (with its owner and the pool it came from) may be released by a user with
     * {@code scope}, and where to, checked in this order: a record already in a pool is {@code inPool}
     * when the user may see that pool, else {@code notFound} (never saying whether it exists); an
     * owner outside the scope is {@code notFound}; then {@code ownRefusal} if given (a converted
     * lead); the pool is {@code poolId}, else the one it came from, else its owner's default pool,
     * else there is none ({@code noPool}); a pool the user may not see is {@code poolHidden}.
     */
    public static Release checkRelease(OwnerScope scope, Long ownerId, Long fromPoolId, String ownRefusal, Long poolId,
                                       Map<Long, Long> defaults, LongPredicate canSee) {
        if (ownerId == null) {
            boolean seen = scope.isAll() || fromPoolId != null && canSee.test(fromPoolId);
            return new Release(seen ? "inPool" : "notFound", null);
        }
        if (!scope.includes(ownerId)) {
            return new Release("notFound", null);
        }
        if (ownRefusal != null) {
            return new Release(ownRefusal, null);
        }
        Long target = poolId != null ? poolId : fromPoolId != null ? fromPoolId : defaults.get(ownerId);
        if (target == null) {
            return new Release("noPool", null);
        }
        return canSee.test(target) ? new Release(null, target) : new Release("poolHidden", target);
    }

    /** A record a bulk release considers: its owner (null in a pool), the pool it came from, its version, its own refusal or null. */
    public record Releasable(Long ownerId, Long poolId, long version, String ownRefusal) {
    }

    /** Puts one record into a pool if it is still at {@code version}; false when it changed meanwhile. */
    @FunctionalInterface
    public interface PutInPool {
        boolean put(long id, long version, long poolId);
    }

    /** Audits one record that went back, with the record as it was and the pool it went to. */
    @FunctionalInterface
    public interface Released {
        void released(long id, Releasable was, long poolId);
    }

    /**
     * The per-record part of a bulk release, the same for customers and leads: each id once, in
     * request order, is checked ({@link #checkRelease}) and, when it may go, put into its pool
     * ({@code released}, or {@code changed} if it was edited meanwhile) and audited; a missing one is
     * {@code notFound}. Returns each id's result in request order. {@code poolId}, when given, must
     * be a pool the user may see ({@code canSee}), else the whole call is refused.
     */
    public static Map<Long, String> releaseEach(List<Long> ids, Map<Long, Releasable> found, Long poolId, OwnerScope scope,
                                                Map<Long, Long> defaults, LongPredicate canSee, PutInPool put, Released released) {
        if (poolId != null && !canSee.test(poolId)) {
            throw new InvalidInputException("poolId", "error.value.invalid");
        }
        Map<Long, String> out = new java.util.LinkedHashMap<>();
        for (Long id : ids) {
            Releasable r = found.get(id);
            Release check = r == null ? new Release("notFound", null)
                    : checkRelease(scope, r.ownerId(), r.poolId(), r.ownRefusal(), poolId, defaults, canSee);
            String result = check.refusal();
            if (result == null) {
                result = put.put(id, r.version(), check.target()) ? "released" : "changed";
                if (result.equals("released")) {
                    released.released(id, r, check.target());
                }
            }
            out.put(id, result);
        }
        return out;
    }

    /** Whether the user may see a pool, asked once per pool for the life of the answer (one bulk call). */
    public static LongPredicate poolsSeenBy(Pools pools, CurrentUser user) {
        Map<Long, Boolean> open = new HashMap<>();
        return poolId -> open.computeIfAbsent(poolId, p -> pools.canSee(user, p));
    }

    /** Audits the move of each record as its owner and pool change, with the reason of a release. */
    public static void record(AuditLog audit, String entityType, List<Long> ids, String action, long actorId, Long oldOwner,
                              Long newOwner, Long oldPool, Long newPool, String reason) {
        for (Long id : ids) {
            List<AuditLog.Change> changes = new ArrayList<>();
            changes.add(new AuditLog.Change("owner_id", oldOwner, newOwner));
            changes.add(new AuditLog.Change("pool_id", oldPool, newPool));
            if (reason != null) {
                changes.add(new AuditLog.Change("reason", null, reason));
            }
            audit.recordChanges(entityType, id, action, actorId, changes);
        }
    }
}
