package dev.rapport.customers;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Records of another module that sit in the public pools next to customers (sales' leads). The
 * pool recapture job calls every such bean for every enabled pool with a follow-up rule, so one
 * job on one node takes everything back, and an owner gets one warning a day that counts customers
 * and these records together. Customers never reads the other module's tables: it only hands over
 * the rule.
 */
public interface PooledRecords {

    /**
     * Takes back into {@code pool} the owned records its follow-up rule makes due: those of the pool
     * whose owner got them before {@code followCutoff} and logged no activity since, and the pool-less
     * ones of {@code defaultOwners} (the pool is their owners' default pool). Writes in batches, each
     * its own transaction, audited; answers how many went back.
     */
    int recapture(Pool pool, List<Long> defaultOwners, Instant followCutoff, Instant now);

    /** How many owned records the same selection takes at {@code followCutoff}, per owner: whom to warn. */
    Map<Long, Long> dueByOwner(Pool pool, List<Long> defaultOwners, Instant followCutoff);
}
