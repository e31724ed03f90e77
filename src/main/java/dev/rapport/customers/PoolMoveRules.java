package dev.rapport.customers;

import dev.rapport.identity.AuditLog;
import dev.rapport.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules every move into or out of a public pool follows, for customers ({@link PoolMoves}) and
 * for the records other modules keep in the same pools (leads): a bulk request names at most
 * {@value #MAX_BULK} distinct records, a release has a reason, each record gets its own result, and
 * each move is audited as an owner and pool change.
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
