package dev.rapport.activities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import dev.rapport.activities.reminders.TaskReminders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The reminder job: due reminders of open tasks become exactly one notification each, however it is run. */
class TaskRemindersTest extends ApiTestSupport {

    @Autowired
    TaskReminders reminders;

    @Autowired
    ActivityBulkLoad bulk;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDueReminderBecomesExactlyOneNotificationEvenWhenTheJobRunsTwice() {
        String email = unique("remind") + "@test.local";
        long rep = createUser(email, "sales-rep", 1, null);
        String token = token(email, "password-123");
        String name = unique("Reminded");
        long customer = createCustomer(token, "{\"name\":\"" + name + "\"}");
        Instant now = Instant.now();
        var task = post(token, "/api/v1/activities", "{\"customerId\":" + customer + ",\"type\":\"task\",\"subject\":\"send the quote\","
                + "\"dueAt\":\"" + now.plus(Duration.ofHours(2)) + "\",\"remindAt\":\"" + now.minusSeconds(60) + "\"}");
        assertThat(task).as(body(task)).hasStatus(201);

        reminders.deliverDue();
        reminders.deliverDue();

        assertThat(reminderCount(rep)).isEqualTo(1);
        var inbox = get(token, "/api/v1/notifications");
        assertThat((String) json(inbox, "$.items[0].link")).isEqualTo("/customers/" + customer);
        assertThat((String) json(inbox, "$.items[0].text")).startsWith("Reminder: send the quote (" + name + "), due ");
        assertThat((String) json(inbox, "$.items[0].kind")).isEqualTo("task.reminder");
    }

    @Test
    void finishedTasksAndRemindersStillAheadAreNotReminded() {
        String email = unique("remind") + "@test.local";
        long rep = createUser(email, "sales-rep", 1, null);
        String token = token(email, "password-123");
        long customer = createCustomer(token, "{\"name\":\"" + unique("NotYet") + "\"}");
        Instant now = Instant.now();
        long done = id(post(token, "/api/v1/activities", "{\"customerId\":" + customer + ",\"type\":\"task\",\"subject\":\"done already\","
                + "\"remindAt\":\"" + now.minusSeconds(60) + "\"}"), "$.id");
        assertThat(post(token, "/api/v1/activities/" + done + "/complete", "{}")).hasStatusOk();
        post(token, "/api/v1/activities", "{\"customerId\":" + customer + ",\"type\":\"task\",\"subject\":\"later\","
                + "\"remindAt\":\"" + now.plus(Duration.ofDays(1)) + "\"}");

        reminders.deliverDue();

        assertThat(reminderCount(rep)).isZero();
    }

    @Test
    void aBacklogGoesOutInBatchesAndTwoNodesAtOnceStillRemindEachTaskOnce() throws Exception {
        String email = unique("backlog") + "@test.local";
        long rep = createUser(email, "sales-rep", 1, null);
        long customer = createCustomer(token(email, "password-123"), "{\"name\":\"" + unique("Backlog") + "\"}");
        Instant now = Instant.now();
        // reminders an hour ahead of the real clock, so the scheduler running in the background leaves them alone
        List<ActivityBulkLoad.NewActivity> tasks = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            tasks.add(new ActivityBulkLoad.NewActivity(customer, null, ActivityType.TASK, "backlog " + i, null, now,
                    now.plus(Duration.ofHours(3)), now.plus(Duration.ofHours(1)), null, rep, rep));
        }
        List<Long> ids = tx.execute(s -> bulk.insert(tasks, now));

        // two "nodes" run the job at the same moment, each in batches of 50
        Instant runAt = now.plus(Duration.ofHours(2));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                runs.add(nodes.submit(() -> {
                    start.await();
                    return reminders.deliverDue(runAt, 50);
                }));
            }
            start.countDown();
            int delivered = runs.get(0).get() + runs.get(1).get();
            assertThat(delivered).isGreaterThanOrEqualTo(1_000);
        } finally {
            nodes.shutdownNow();
        }

        assertThat(reminderCount(rep)).isEqualTo(1_000);
        assertThat(jdbc.sql("select count(*) from activities where id in (:ids) and reminded = false").param("ids", ids)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from (select message_args from notifications where user_id = :u
                                      group by message_args having count(*) > 1) doubled""")
                .param("u", rep).query(Long.class).single()).as("tasks reminded twice").isZero();
    }

    private long reminderCount(long userId) {
        return jdbc.sql("select count(*) from notifications where user_id = :u and kind = 'task.reminder'")
                .param("u", userId).query(Long.class).single();
    }
}
