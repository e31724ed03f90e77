package dev.rapport.activities.reminders;

import dev.rapport.activities.domain.ActivityStore;
import dev.rapport.activities.domain.ActivityStore.DueReminder;
import dev.rapport.customers.CustomerManagement;
import dev.rapport.identity.Notifications;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers task reminders: every open task whose reminder time has come and that was not reminded
 * yet becomes a notification for its owner (and an e-mail, if they want one). Works in batches, each
 * its own transaction that marks the tasks reminded and writes their notifications together: a
 * node that dies mid-run loses nothing (its open batch rolls back and is found again), two nodes
 * running at once never remind twice (only one can mark a task), and a backlog of any size is never
 * one giant transaction or held in memory at once.
 */
@Component
public class TaskReminders {

    /** What one batch did: how many due reminders it found and how many it delivered. */
    record Batch(int found, int delivered) {
    }

    private static final Logger log = LoggerFactory.getLogger(TaskReminders.class);

    private final ActivityStore store;
    private final CustomerManagement customers;
    private final Notifications notifications;
    private final TransactionTemplate tx;
    private final Clock clock;
    private int batchSize = 500;

    TaskReminders(ActivityStore store, CustomerManagement customers, Notifications notifications, TransactionTemplate tx,
                  Clock clock) {
        this.store = store;
        this.customers = customers;
        this.notifications = notifications;
        this.tx = tx;
        this.clock = clock;
    }

    @Value("${rapport.reminders.batch-size:500}")
    void setBatchSize(int batchSize) {
        this.batchSize = Math.max(1, batchSize);
    }

    /** Delivers every reminder due now; returns how many this call delivered. */
    public int deliverDue() {
        return deliverDue(clock.instant(), batchSize);
    }

    /**
     * Delivers reminders due at {@code now}. Reminders that come due while it runs wait for the next
     * run, so one run always ends.
     */
    public int deliverDue(Instant now, int batchSize) {
        long started = System.nanoTime();
        int delivered = 0;
        while (true) {
            Batch batch = tx.execute(status -> deliverBatch(now, batchSize));
            delivered += batch.delivered();
            if (batch.found() < batchSize) {
                if (delivered > 0) {
                    log.info("Delivered {} task reminders in {} ms", delivered, (System.nanoTime() - started) / 1_000_000);
                }
                return delivered;
            }
        }
    }

    private Batch deliverBatch(Instant now, int limit) {
        List<DueReminder> due = store.dueReminders(now, limit);
        if (due.isEmpty()) {
            return new Batch(0, 0);
        }
        Set<Long> claimed = Set.copyOf(store.claimReminders(due.stream().map(DueReminder::id).toList()));
        List<DueReminder> ours = due.stream().filter(r -> claimed.contains(r.id())).toList();
        Map<Long, String> names = customers.names(ours.stream().map(DueReminder::customerId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet()));
        List<Notifications.Notice> notices = new ArrayList<>(ours.size());
        for (DueReminder r : ours) {
            // a task on a lead not yet converted names the lead's page instead of a customer
            String customer = r.customerId() == null ? "#" + r.leadId() : names.getOrDefault(r.customerId(), "#" + r.customerId());
            String link = r.customerId() == null ? "/leads/" + r.leadId() : "/customers/" + r.customerId();
            notices.add(r.dueAt() == null
                    ? new Notifications.Notice(r.ownerId(), "task.reminder", "notification.taskReminder",
                            List.of(r.subject(), customer), link)
                    : new Notifications.Notice(r.ownerId(), "task.reminder", "notification.taskReminder.due",
                            List.of(r.subject(), customer, r.dueAt()), link));
        }
        notifications.notifyAll(notices);
        return new Batch(due.size(), ours.size());
    }
}
