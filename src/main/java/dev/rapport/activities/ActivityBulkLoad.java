package dev.rapport.activities;

import dev.rapport.activities.domain.ActivityDayCountStore;
import dev.rapport.customers.CustomerManagement;
import dev.rapport.platform.BulkInsert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads many activities that a trusted program produced (demo data, benchmarks) with COPY or JDBC
 * batches. The rules of {@link ActivityManagement#add} hold: only tasks have due and reminder
 * times, a reminder is not after the due time; a broken rule fails the whole call.
 */
@Service
public class ActivityBulkLoad {

    public record NewActivity(long customerId, Long contactId, ActivityType type, String subject, String body,
                              Instant occurredAt, Instant dueAt, Instant remindAt, Instant doneAt, long ownerId,
                              long createdBy) {
    }

    private static final List<String> COLUMNS = List.of("customer_id", "contact_id", "type", "subject", "body",
            "occurred_at", "due_at", "remind_at", "reminded", "done_at", "owner_id", "created_by", "version", "created_at");

    private final BulkInsert bulk;
    private final CustomerManagement customers;
    private final ActivityDayCountStore counts;
    private final TransactionTemplate tx;
    /** Loads running under {@link #withIndexesDeferred}; their batches leave the day counts to its end. */
    private final AtomicInteger deferredLoads = new AtomicInteger();

    ActivityBulkLoad(BulkInsert bulk, CustomerManagement customers, ActivityDayCountStore counts, TransactionTemplate tx) {
        this.bulk = bulk;
        this.customers = customers;
        this.counts = counts;
        this.tx = tx;
    }

    /**
     * Runs a large load into an empty table with its secondary indexes built once at the end, and
     * the day counts too: parallel loaders adding to the same day counts batch by batch would wait
     * on each other's row locks (and fall back to one row at a time on every clash).
     */
    public void withIndexesDeferred(Runnable work) {
        deferredLoads.incrementAndGet();
        try {
            bulk.withIndexesDeferred(List.of("activities"), work);
        } finally {
            deferredLoads.decrementAndGet();
            tx.executeWithoutResult(s -> counts.rebuild());
        }
    }

    /** Call inside a transaction. {@code now} decides whether a reminder already went out. */
    public List<Long> insert(List<NewActivity> batch, Instant now) {
        List<Object[]> rows = new ArrayList<>(batch.size());
        Map<Long, Instant> latest = new HashMap<>();
        Map<ActivityDayCountStore.Key, Long> perDay = new HashMap<>();
        boolean counting = deferredLoads.get() == 0;
        for (NewActivity a : batch) {
            if (counting) {
                perDay.merge(counts.key(a.occurredAt(), a.ownerId(), a.type().key()), 1L, Long::sum);
            }
            if (a.type() != ActivityType.TASK && !a.occurredAt().isAfter(now)) {
                latest.merge(a.customerId(), a.occurredAt(), (x, y) -> x.isAfter(y) ? x : y);
            }
            if (a.type() != ActivityType.TASK && (a.dueAt() != null || a.remindAt() != null)) {
                throw new IllegalArgumentException("only tasks have due and reminder times");
            }
            if (a.remindAt() != null && a.dueAt() != null && a.remindAt().isAfter(a.dueAt())) {
                throw new IllegalArgumentException("reminder after due time");
            }
            if (a.subject() == null || a.subject().isBlank() || a.subject().length() > 300) {
                throw new IllegalArgumentException("subject must be 1-300 characters");
            }
            boolean reminded = a.remindAt() != null && a.remindAt().isBefore(now);
            rows.add(new Object[] {a.customerId(), a.contactId(), a.type().key(), a.subject(), a.body(), a.occurredAt(),
                    a.dueAt(), a.remindAt(), reminded, a.doneAt(), a.ownerId(), a.createdBy(),
                    // completing a task bumps its version, as ActivityStore.complete does
                    a.doneAt() == null ? 0L : 1L, a.occurredAt()});
        }
        List<Long> ids = bulk.insert("activities", COLUMNS, rows);
        // the day counts of the performance review, one update (or insert) per day, owner and type of the batch
        counts.add(perDay);
        // the pool rules' follow-up clock, set for the whole batch in one JDBC batch
        customers.recordFollowUps(latest);
        return ids;
    }
}
