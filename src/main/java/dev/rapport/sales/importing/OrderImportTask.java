package dev.rapport.sales.importing;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A started order import runs as a db-scheduler one-time task ("order-import"), so any node may
 * run it, and a run whose node died is revived elsewhere and resumes after its checkpoint. A run
 * that throws is retried with backoff; it skips what was committed.
 */
@Configuration
class OrderImportTask {

    static final TaskDescriptor<Long> ORDER_IMPORT = TaskDescriptor.of("order-import", Long.class);

    static SchedulableInstance<Long> instance(long importId, Instant at) {
        return ORDER_IMPORT.instance(String.valueOf(importId)).data(importId).scheduledTo(at);
    }

    @Bean
    OneTimeTask<Long> orderImportJob(OrderImportRunner runner) {
        return Tasks.oneTime(ORDER_IMPORT)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(10)))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    try {
                        runner.run(instance.getData());
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
    }
}
