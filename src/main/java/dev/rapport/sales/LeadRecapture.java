package dev.rapport.sales;

import dev.rapport.customers.Pool;
import dev.rapport.customers.PooledRecords;
import dev.rapport.identity.AuditLog;
import dev.rapport.sales.domain.LeadPoolStore;
import dev.rapport.sales.domain.LeadPoolStore.Due;
import dev.rapport.sales.domain.LeadPoolStore.Rule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Leads in the pool recapture (公海回收): the customers' job calls this for every enabled pool with
 * a follow-up rule (N days). A lead whose owner logged no activity on it for N days since getting it
 * goes back to its pool (pool-less leads: to their owner's default pool); converted leads never do.
 * The purchase rule (M days) is for customers only: leads do not buy. Candidates are read in one
 * query, then moved in batches of {@value #BATCH}, each re-checked under lock, moved with one
 * update and audited, in its own transaction.
 */
@Component
class LeadRecapture implements PooledRecords {

    static final int BATCH = 5_000;

    private final LeadPoolStore store;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    LeadRecapture(LeadPoolStore store, AuditLog audit, TransactionTemplate tx) {
        this.store = store;
        this.audit = audit;
        this.tx = tx;
    }

    @Override
    public int recapture(Pool pool, List<Long> defaultOwners, Instant followCutoff, Instant now) {
        int moved = 0;
        for (Rule rule : rules(pool, defaultOwners, followCutoff)) {
            List<Due> candidates = store.due(rule);
            for (int i = 0; i < candidates.size(); i += BATCH) {
                List<Long> ids = candidates.subList(i, Math.min(candidates.size(), i + BATCH)).stream().map(Due::id).toList();
                Integer n = tx.execute(status -> {
                    List<Due> locked = store.lockDue(rule, ids);
                    if (locked.isEmpty()) {
                        return 0;
                    }
                    List<Long> lockedIds = locked.stream().map(Due::id).toList();
                    store.returnToPool(lockedIds, pool.id(), now);
                    audit.recordBulk("lead", lockedIds, "pool.recapture", null, "owner_id",
                            locked.stream().collect(Collectors.toMap(Due::id, d -> String.valueOf(d.ownerId()))), null);
                    if (rule.poolId() == null) {
                        audit.recordBulk("lead", lockedIds, "pool.recapture", null, "pool_id", null, String.valueOf(pool.id()));
                    }
                    return locked.size();
                });
                moved += n == null ? 0 : n;
            }
        }
        return moved;
    }

    @Override
    public Map<Long, Long> dueByOwner(Pool pool, List<Long> defaultOwners, Instant followCutoff) {
        Map<Long, Long> out = new HashMap<>();
        for (Rule rule : rules(pool, defaultOwners, followCutoff)) {
            store.countByOwner(rule).forEach((owner, n) -> out.merge(owner, n, Long::sum));
        }
        return out;
    }

    /** The pool's own leads, and the pool-less leads of the owners it is the default pool for (a thousand owners a query). */
    private static List<Rule> rules(Pool pool, List<Long> defaultOwners, Instant cutoff) {
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule(pool.id(), null, cutoff));
        for (int i = 0; i < defaultOwners.size(); i += 1000) {
            rules.add(new Rule(null, defaultOwners.subList(i, Math.min(defaultOwners.size(), i + 1000)), cutoff));
        }
        return rules;
    }
}
