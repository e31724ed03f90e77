package dev.rapport.customers.pools;

import dev.rapport.customers.Pool;
import dev.rapport.customers.PooledRecords;
import dev.rapport.customers.Pools;
import dev.rapport.customers.domain.RecaptureStore;
import dev.rapport.customers.domain.RecaptureStore.Due;
import dev.rapport.customers.domain.RecaptureStore.Rule;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.Notifications;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The recapture job of the public pools (公海回收). For every enabled pool with a rule, the owned
 * customers its rules make due go back to it: first the candidates in one query, then batches
 * (rapport.pools.recapture-batch, 5,000) that are re-checked under lock, moved with one update and
 * audited with one COPY, each batch its own transaction (a node that dies mid-run loses nothing; the
 * rest is found on the next run), several batches at once (rapport.pools.recapture-threads, default
 * one per core). Then the owners of customers that will be due within the pool's warning days get ONE
 * notification each (counting them), unless the owner was warned already that day (pool_warnings):
 * a second run on the same day warns nobody twice, and no customer row is written for a warning. Running it again changes nothing: what was due is in the pool now.
 * Records of other modules in the same pools ({@link PooledRecords}: leads) are taken back by the
 * same run under the pool's follow-up rule, and counted into the same one warning per owner.
 */
@Component
public class PoolRecapture {

    /** What one run did. */
    public record Run(int recaptured, int warnedCustomers, int notifiedOwners) {
    }

    private static final Logger log = LoggerFactory.getLogger(PoolRecapture.class);

    private final RecaptureStore store;
    private final Pools pools;
    private final AuditLog audit;
    private final Notifications notifications;
    private final TransactionTemplate tx;
    private final org.springframework.beans.factory.ObjectProvider<PooledRecords> others;

    private final int threads;
    private final int batch;

    PoolRecapture(RecaptureStore store, Pools pools, AuditLog audit, Notifications notifications, TransactionTemplate tx,
                  org.springframework.beans.factory.ObjectProvider<PooledRecords> others,
                  @org.springframework.beans.factory.annotation.Value("${rapport.pools.recapture-threads:0}") int threads,
                  @org.springframework.beans.factory.annotation.Value("${rapport.pools.recapture-batch:5000}") int batch) {
        this.others = others;
        this.batch = Math.max(1, batch);
        // 0 = one worker per core
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.store = store;
        this.pools = pools;
        this.audit = audit;
        this.notifications = notifications;
        this.tx = tx;
    }

    public Run run() {
        return run(audit.now());
    }

    public Run run(Instant now) {
        long started = System.nanoTime();
        List<Pool> active = pools.all().stream().filter(Pool::enabled)
                .filter(p -> p.followUpDays() != null || p.purchaseDays() != null).toList();
        Map<Long, List<Long>> defaultOwners = pools.defaultPoolByOwner().entrySet().stream()
                .collect(Collectors.groupingBy(Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        int recaptured = 0;
        for (Pool p : active) {
            for (Rule rule : rules(p, defaultOwners.getOrDefault(p.id(), List.of()), now, 0)) {
                recaptured += recapture(p, rule, now);
            }
            if (p.followUpDays() != null) {
                Instant cutoff = now.minus(Duration.ofDays(p.followUpDays()));
                for (PooledRecords o : others.orderedStream().toList()) {
                    recaptured += o.recapture(p, defaultOwners.getOrDefault(p.id(), List.of()), cutoff, now);
                }
            }
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Map<Long, Long> dueSoonByOwner = new TreeMap<>();
        for (Pool p : active) {
            if (p.warningDays() > 0) {
                for (Rule rule : rules(p, defaultOwners.getOrDefault(p.id(), List.of()), now, p.warningDays())) {
                    store.countByOwner(rule).forEach((owner, n) -> dueSoonByOwner.merge(owner, n, Long::sum));
                }
                if (p.followUpDays() != null) {
                    Instant cutoff = now.minus(Duration.ofDays(p.followUpDays() - (long) p.warningDays()));
                    for (PooledRecords o : others.orderedStream().toList()) {
                        o.dueByOwner(p, defaultOwners.getOrDefault(p.id(), List.of()), cutoff)
                                .forEach((owner, n) -> dueSoonByOwner.merge(owner, n, Long::sum));
                    }
                }
            }
        }
        Map<Long, Long> warnedByOwner = warn(dueSoonByOwner, today);
        int warned = (int) warnedByOwner.values().stream().mapToLong(Long::longValue).sum();
        if (recaptured > 0 || warned > 0) {
            log.info("Pool recapture: {} records back in their pools, {} owners warned of {} records, in {} ms", recaptured,
                    warnedByOwner.size(), warned, (System.nanoTime() - started) / 1_000_000);
        }
        return new Run(recaptured, warned, warnedByOwner.size());
    }

    /** The pool's own customers, and the pool-less customers of the owners it is the default pool for. */
    private static List<Rule> rules(Pool p, List<Long> defaultOwners, Instant now, int daysAhead) {
        Instant follow = p.followUpDays() == null ? null : now.minus(Duration.ofDays(p.followUpDays() - (long) daysAhead));
        Instant buy = p.purchaseDays() == null ? null : now.minus(Duration.ofDays(p.purchaseDays() - (long) daysAhead));
        LocalDate buyDay = buy == null ? null : LocalDate.ofInstant(buy, ZoneOffset.UTC);
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule(p.id(), null, follow, buy, buyDay));
        for (int i = 0; i < defaultOwners.size(); i += 1000) {
            rules.add(new Rule(null, defaultOwners.subList(i, Math.min(defaultOwners.size(), i + 1000)), follow, buy, buyDay));
        }
        return rules;
    }

    /**
     * Moves the rule's due customers in batches (5,000 by default) in id order, spread over
     * {@code threads} workers: each batch is its own transaction over its own customers, so the
     * workers never wait for each other's rows, and PostgreSQL's work (a moved row writes an entry
     * into every index of {@code customers}) runs on every core.
     */
    private int recapture(Pool p, Rule rule, Instant now) {
        long[] candidates = store.due(rule).stream().mapToLong(Due::id).sorted().toArray();
        List<List<Long>> batches = new ArrayList<>();
        for (int i = 0; i < candidates.length; i += batch) {
            batches.add(java.util.Arrays.stream(candidates, i, Math.min(candidates.length, i + batch)).boxed().toList());
        }
        if (batches.size() <= 1 || threads <= 1) {
            return batches.stream().mapToInt(ids -> moveBatch(p, rule, ids, now)).sum();
        }
        java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(
                Math.min(threads, batches.size()));
        try {
            List<java.util.concurrent.Future<Integer>> done = new ArrayList<>();
            for (List<Long> ids : batches) {
                done.add(workers.submit(() -> moveBatch(p, rule, ids, now)));
            }
            int moved = 0;
            for (java.util.concurrent.Future<Integer> f : done) {
                moved += f.get();
            }
            return moved;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("pool recapture interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    /** One batch: re-checked under lock, moved with one update, audited with one COPY, in one transaction. */
    private int moveBatch(Pool p, Rule rule, List<Long> ids, Instant now) {
        Integer n = tx.execute(status -> {
            List<Due> locked = store.lockDue(rule, ids);
            if (locked.isEmpty()) {
                return 0;
            }
            List<Long> lockedIds = locked.stream().map(Due::id).toList();
            store.returnToPool(lockedIds, p.id(), now);
            audit.recordBulk("customer", lockedIds, "pool.recapture", null, "owner_id",
                    locked.stream().collect(Collectors.toMap(Due::id, d -> String.valueOf(d.ownerId()))), null);
            if (rule.poolId() == null) {
                // a customer from no pool now belongs to the default pool whose rules took it back
                audit.recordBulk("customer", lockedIds, "pool.recapture", null, "pool_id", null, String.valueOf(p.id()));
            }
            return locked.size();
        });
        return n == null ? 0 : n;
    }

    /** One notification per owner not yet warned today, and the note that they were, in one transaction. */
    private Map<Long, Long> warn(Map<Long, Long> dueSoonByOwner, LocalDate today) {
        if (dueSoonByOwner.isEmpty()) {
            return Map.of();
        }
        return tx.execute(status -> {
            Map<Long, Long> fresh = new TreeMap<>(dueSoonByOwner);
            fresh.keySet().removeAll(store.warnedOn(today));
            if (!fresh.isEmpty()) {
                store.recordWarnings(fresh, today);
                notifications.notifyAll(fresh.entrySet().stream().map(e -> new Notifications.Notice(e.getKey(), "pool.warning",
                        "pool.notification.warning", List.of(e.getValue()), "/pools/due")).toList());
            }
            return fresh;
        });
    }
}
