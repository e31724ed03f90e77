package dev.rapport.customers.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports as jobs: the upload lives in the database until the import ends, the job is scheduled
 * atomically with the "queued" state, and a run cut short (node death, shutdown, a second run of
 * the same import) resumes after its checkpoint with every row counted exactly once.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportJobsTest {

    static final String ADMIN = "admin@test.local";
    static final int BATCH = 200;

    /** What a node dying looks like to the runner: the run stops where it is, nothing is marked. */
    static final class NodeDied extends Error {
    }

    @Autowired ImportManagement imports;
    @Autowired ImportReports reports;
    @Autowired ImportRunner runner;
    @Autowired ImportStore store;
    @Autowired UserManagement users;
    @Autowired SchedulerClient scheduler;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;

    CurrentUser admin() {
        return users.load(ADMIN).orElseThrow();
    }

    /**
     * 1,000 rows, over 1 MiB (so it spans two stored chunks): every 10th row invalid (no name),
     * every 50th (from the 155th) repeats the e-mail of the row 149 lines before it, mostly in another batch.
     */
    record TestFile(String u, byte[] bytes, int rows, int invalid, int repeats) {
        static TestFile make() {
            String u = UUID.randomUUID().toString().substring(0, 8);
            StringBuilder csv = new StringBuilder("Name,Email,Notes\n");
            String padding = "x".repeat(1100);
            int invalid = 0;
            int repeats = 0;
            for (int i = 1; i <= 1000; i++) {
                int line = i + 1;
                if (i % 10 == 0) {
                    csv.append(",bad").append(i).append(u).append("@example.com,").append(padding).append('\n');
                    invalid++;
                } else if (i % 25 == 5 && i > 150) {
                    csv.append("Again ").append(i).append(' ').append(u).append(",r").append(i - 149).append(u)
                            .append("@example.com,").append(padding).append('\n');
                    repeats++;
                } else {
                    csv.append("Row ").append(line).append(' ').append(u).append(",r").append(i).append(u)
                            .append("@example.com,").append(padding).append('\n');
                }
            }
            return new TestFile(u, csv.toString().getBytes(StandardCharsets.UTF_8), 1000, invalid, repeats);
        }

        int created() {
            return rows - invalid - repeats;
        }
    }

    ImportJob queued(TestFile file, String mode) {
        ImportJob job = imports.upload(admin(), "resume-" + file.u() + ".csv", new ByteArrayInputStream(file.bytes()),
                "customers", mode, "email");
        assertThat(store.configure(job.id(), mode, "email", job.fields(), ImportJob.QUEUED)).isTrue();
        return store.find(job.id()).orElseThrow();
    }

    long customersOf(TestFile file) {
        return jdbc.sql("select count(*) from customers where email_normalized like :p").param("p", "%" + file.u() + "@example.com")
                .query(Long.class).single();
    }

    long chunks(long importId) {
        return jdbc.sql("select count(*) from import_file_chunks where import_id = :id").param("id", importId).query(Long.class).single();
    }

    void assertExactlyOnce(ImportJob done, TestFile file) {
        assertThat(done.status()).isEqualTo(ImportJob.DONE);
        assertThat(done.processed()).isEqualTo(file.rows());
        assertThat(done.totalRows()).isEqualTo(file.rows());
        assertThat(done.created()).isEqualTo(file.created());
        assertThat(done.rejected()).isEqualTo(file.invalid());
        assertThat(done.skipped()).isEqualTo(file.repeats());
        assertThat(customersOf(file)).isEqualTo(file.created());
        assertThat(jdbc.sql("select count(*) from customers where email_normalized like :p group by email_normalized having count(*) > 1")
                .param("p", "%" + file.u() + "@example.com").query(Long.class).list()).isEmpty();
        assertThat(jdbc.sql("select count(*) from import_errors where import_id = :id").param("id", done.id()).query(Long.class).single())
                .isEqualTo(file.invalid() + file.repeats());
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'customer' and action = 'import' and new_value = :f")
                .param("f", done.fileName()).query(Long.class).single()).isEqualTo(file.created());
        assertThat(chunks(done.id())).as("the stored file is deleted when the import ends").isZero();
    }

    @Test
    void aRunCutShortByItsNodeDyingResumesAfterTheCheckpointAndCountsEveryRowOnce() {
        TestFile file = TestFile.make();
        ImportJob job = queued(file, "create");
        assertThat(chunks(job.id())).as("the upload is kept in the database, in 1 MiB chunks").isEqualTo(2);
        AtomicInteger batches = new AtomicInteger();

        assertThatThrownBy(() -> runner.run(job.id(), null, j -> {
            if (!j.finished() && batches.incrementAndGet() == 2) {
                throw new NodeDied();
            }
        }, () -> false, BATCH)).isInstanceOf(NodeDied.class);

        ImportJob cut = store.find(job.id()).orElseThrow();
        assertThat(cut.status()).isEqualTo(ImportJob.RUNNING);
        assertThat(cut.lastLine()).isBetween(2L * BATCH + 1, 1000L);
        assertThat(cut.processed()).as("rows counted so far are exactly those up to the checkpoint").isEqualTo(cut.lastLine() - 1);
        assertThat(cut.created() + cut.rejected() + cut.skipped()).isEqualTo(cut.processed());
        assertThat(customersOf(file)).isEqualTo(cut.created());
        assertThat(chunks(job.id())).as("kept for the resumed run").isEqualTo(2);

        assertExactlyOnce(runner.run(job.id(), null, j -> { }, () -> false, BATCH), file);
    }

    @Test
    void aRunStoppedByShutdownStopsBetweenBatchesAndTheNextRunFinishesIt() {
        TestFile file = TestFile.make();
        ImportJob job = queued(file, "create");
        AtomicInteger batches = new AtomicInteger();

        ImportJob stopped = runner.run(job.id(), null, j -> batches.incrementAndGet(), () -> batches.get() >= 1, BATCH);

        assertThat(stopped.status()).isEqualTo(ImportJob.RUNNING);
        assertThat(stopped.processed()).isPositive().isLessThan(file.rows());
        assertExactlyOnce(runner.run(job.id(), null, j -> { }, () -> false, BATCH), file);
    }

    @Test
    void aSecondRunOfTheSameImportCannotCommitOverTheCheckpointOfAnother() {
        TestFile file = TestFile.make();
        // update mode writes one batch at a time, so the other run's commit lands exactly between two batches
        ImportJob job = queued(file, "update");
        AtomicLong otherRunsLine = new AtomicLong();

        ImportJob left = runner.run(job.id(), null, j -> {
            if (otherRunsLine.get() == 0) {
                otherRunsLine.set(j.lastLine() + 1);
                assertThat(store.checkpoint(j.id(), j.lastLine(), j.lastLine() + 1, new ImportCounts(1, 0, 0, 1, 0), j.workDone()))
                        .isTrue();
            }
        }, () -> false, BATCH);

        assertThat(left.status()).as("this run backs off and leaves the import to the other").isEqualTo(ImportJob.RUNNING);
        assertThat(left.lastLine()).isEqualTo(otherRunsLine.get()).isEqualTo(BATCH + 2);
        assertThat(left.created()).as("nothing of this run was committed after the other moved the checkpoint")
                .isEqualTo(customersOf(file));
    }

    @Test
    void startingQueuesTheJobInTheSameTransactionAndTheJobRunsTheImport() throws InterruptedException {
        TestFile file = TestFile.make();
        ImportJob job = imports.upload(admin(), "job-" + file.u() + ".csv", new ByteArrayInputStream(file.bytes()), "customers",
                "create", "email");

        tx.executeWithoutResult(s -> {
            imports.start(admin(), job.id(), null, null, Map.of());
            s.setRollbackOnly();
        });
        assertThat(store.find(job.id()).orElseThrow().status()).isEqualTo(ImportJob.PREVIEW);
        assertThat(scheduler.getScheduledExecution(ImportTask.IMPORT.instanceId(String.valueOf(job.id())))).isEmpty();

        imports.start(admin(), job.id(), null, null, Map.of());
        assertThatThrownBy(() -> imports.start(admin(), job.id(), null, null, Map.of()))
                .isInstanceOf(InvalidInputException.class);
        ImportJob done = awaitFinished(job.id());

        assertExactlyOnce(done, file);
        var skipped = reports.page(admin(), job.id(), true, null, 5, Locale.ENGLISH).items();
        assertThat(skipped).hasSize(5);
        assertThat(skipped.get(0).reason()).isEqualTo("E-mail: repeats line 7 of the file");
        assertThat(skipped.get(0).line()).isEqualTo(156);
    }

    @Test
    void aJobRevivedAfterItsNodeDiedResumesTheImport() throws InterruptedException {
        TestFile file = TestFile.make();
        ImportJob job = queued(file, "create");
        assertThatThrownBy(() -> runner.run(job.id(), null, j -> {
            throw new NodeDied();
        }, () -> false, BATCH)).isInstanceOf(NodeDied.class);
        assertThat(store.find(job.id()).orElseThrow().processed()).isPositive();

        // what db-scheduler does with the execution of a dead node: run it again
        scheduler.schedule(ImportTask.instance(job.id(), Instant.now()));

        assertExactlyOnce(awaitFinished(job.id()), file);
    }

    @Test
    void createModeSkipsRowsMatchingStoredRecordsAndSaysWhich() {
        String u = UUID.randomUUID().toString().substring(0, 8);
        byte[] csv = ("Name,Email\nFirst " + u + ",m" + u + "@example.com\n").getBytes(StandardCharsets.UTF_8);
        ImportJob first = run(csv, "create");
        long id = jdbc.sql("select id from customers where email_normalized = :e").param("e", "m" + u + "@example.com")
                .query(Long.class).single();

        ImportJob again = run(("Name,Email\nSecond " + u + ",M" + u + "@Example.com\n").getBytes(StandardCharsets.UTF_8), "create");

        assertThat(first.created()).isEqualTo(1);
        assertThat(again.created()).isZero();
        assertThat(again.rejected()).isZero();
        assertThat(again.skipped()).isEqualTo(1);
        List<ImportReports.Rejected> skipped = reports.page(admin(), again.id(), true, null, 10, Locale.ENGLISH).items();
        assertThat(skipped).extracting(ImportReports.Rejected::reason).containsExactly("E-mail: matches the existing record " + id);
        assertThat(reports.page(admin(), again.id(), false, null, 10, Locale.ENGLISH).items()).isEmpty();
    }

    @Test
    void anUploadNeverStartedIsDeletedAfterAWeek() {
        byte[] csv = "Name\nA\n".getBytes(StandardCharsets.UTF_8);
        ImportJob old = imports.upload(admin(), "old.csv", new ByteArrayInputStream(csv), "customers", "create", null);
        ImportJob fresh = imports.upload(admin(), "fresh.csv", new ByteArrayInputStream(csv), "customers", "create", null);
        jdbc.sql("update imports set created_at = :t where id = :id").param("t", java.sql.Timestamp.from(Instant.now().minus(
                java.time.Duration.ofDays(8)))).param("id", old.id()).update();

        assertThat(imports.expireUnstartedUploads(java.time.Duration.ofDays(7))).isGreaterThanOrEqualTo(1);

        assertThat(store.find(old.id()).orElseThrow().status()).isEqualTo(ImportJob.FAILED);
        assertThat(chunks(old.id())).isZero();
        assertThat(store.find(fresh.id()).orElseThrow().status()).isEqualTo(ImportJob.PREVIEW);
        assertThat(chunks(fresh.id())).isEqualTo(1);
    }

    @Test
    void updatesOfABatchAreWrittenTogetherWithTheirStatusHistoryAndAuditDiff() {
        String u = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder create = new StringBuilder("Name,Email,City\n");
        StringBuilder update = new StringBuilder("Email,City,Status\n");
        for (int i = 0; i < 30; i++) {
            create.append("Upd ").append(i).append(' ').append(u).append(",up").append(i).append(u).append("@example.com,Hangzhou\n");
            update.append("up").append(i).append(u).append("@example.com,Suzhou,").append(i % 2 == 0 ? "目标客户" : "").append('\n');
        }
        run(create.toString().getBytes(StandardCharsets.UTF_8), "create");

        ImportJob updated = run(update.toString().getBytes(StandardCharsets.UTF_8), "update");

        assertThat(updated.updated()).isEqualTo(30);
        long id = jdbc.sql("select id from customers where email_normalized = :e").param("e", "up0" + u + "@example.com")
                .query(Long.class).single();
        assertThat(jdbc.sql("select city || ' ' || status || ' ' || version from customers where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("Suzhou target 1");
        assertThat(jdbc.sql("select coalesce(from_status, '') || '>' || to_status from customer_status_history where customer_id = :id "
                        + "order by id").param("id", id).query(String.class).list()).containsExactly(">potential", "potential>target");
        assertThat(jdbc.sql("select field || ':' || old_value || '>' || new_value from audit_log where entity_type = 'customer' "
                        + "and entity_id = :id and action = 'import' and field is not null order by field")
                .param("id", id).query(String.class).list()).containsExactly("city:Hangzhou>Suzhou", "status:potential>target");
        long odd = jdbc.sql("select id from customers where email_normalized = :e").param("e", "up1" + u + "@example.com")
                .query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from customer_status_history where customer_id = :id").param("id", odd)
                .query(Long.class).single()).as("only the first status: this row left it as it was").isEqualTo(1);
    }

    @Test
    void theCleanupOfStaleUploadsIsARecurringJob() {
        assertThat(scheduler.getScheduledExecutionsForTask("customer-import-stale-uploads")).hasSize(1);
    }

    ImportJob run(byte[] csv, String mode) {
        ImportJob job = imports.upload(admin(), "skip.csv", new ByteArrayInputStream(csv), "customers", mode, null);
        return imports.run(admin(), job.id(), null, null, Map.of(), j -> { });
    }

    ImportJob awaitFinished(long id) throws InterruptedException {
        ImportJob job = store.find(id).orElseThrow();
        for (int i = 0; i < 1200 && !job.finished(); i++) {
            Thread.sleep(50);
            job = store.find(id).orElseThrow();
        }
        return job;
    }
}
