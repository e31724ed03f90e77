package dev.rapport.customers.importing;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Started imports run as db-scheduler one-time tasks, so any node may run one and a run whose node
 * died is picked up again by another (db-scheduler revives executions whose heartbeats stopped);
 * the run then resumes after the import's checkpoint. A node shutting down stops its imports
 * between batches and hands them back to the scheduler, which runs them again shortly, there or
 * on another node. A run that ends in "failed" has failed for good (an unreadable file, a user who
 * left) and is not retried.
 */
@Configuration
class ImportTask {

    static final TaskDescriptor<Long> IMPORT = TaskDescriptor.of("customer-import", Long.class);

    /** The execution that runs an import, keyed by the import's id so it can be scheduled only once. */
    static SchedulableInstance<Long> instance(long importId, Instant at) {
        return IMPORT.instance(String.valueOf(importId)).data(importId).scheduledTo(at);
    }

    /** Uploads never started are kept a week, then their file is deleted and the import marked failed. */
    @Bean
    RecurringTask<Void> staleUploadsTask(ImportManagement imports) {
        return Tasks.recurring("customer-import-stale-uploads", FixedDelay.ofHours(1))
                .execute((instance, context) -> imports.expireUnstartedUploads(Duration.ofDays(7)));
    }

    @Bean
    OneTimeTask<Long> customerImportTask(ImportRunner runner) {
        return Tasks.oneTime(IMPORT)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(10)))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    BooleanSupplier stopping = () -> context.getSchedulerState().isShuttingDown();
                    ImportJob job = runner.run(instance.getData(), j -> { }, stopping);
                    if (!job.finished() && stopping.getAsBoolean()) {
                        // failing the execution makes db-scheduler run it again later instead of deleting it
                        throw new IllegalStateException("import " + job.id() + " stopped by shutdown after line "
                                + job.lastLine() + "; it resumes from there");
                    }
                });
    }
}
