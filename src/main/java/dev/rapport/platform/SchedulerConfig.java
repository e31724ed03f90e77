package dev.rapport.platform;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Background work runs on db-scheduler: jobs live in the {@code scheduled_tasks} table, so any
 * node can pick them up and a job whose node died is picked up again by another after its missed
 * heartbeats (six, {@code rapport.jobs.heartbeat-interval} apart). Modules contribute their jobs as
 * {@link Task} beans; recurring ones (those that implement {@link OnStartup}) are scheduled when
 * the scheduler starts.
 *
 * <p>The data source is transaction-aware, so a job scheduled inside a business transaction exists
 * exactly when that transaction commits. The scheduler starts once the application is ready and is
 * not started by the command-line commands ({@code cli} profile), which do their work themselves.
 */
@Configuration
@Profile("!cli")
class SchedulerConfig {

    @Bean(destroyMethod = "stop")
    Scheduler scheduler(DataSource dataSource, ObjectProvider<Task<?>> tasks,
                        @Value("${rapport.jobs.threads:4}") int threads,
                        @Value("${rapport.jobs.polling-interval:PT2S}") Duration pollingInterval,
                        @Value("${rapport.jobs.heartbeat-interval:PT30S}") Duration heartbeat) {
        List<Task<?>> all = tasks.orderedStream().toList();
        List<Task<?>> startup = all.stream().filter(task -> task instanceof OnStartup).toList();
        // the builder adds the start tasks to the known ones itself; naming them twice is an error
        List<Task<?>> others = all.stream().filter(task -> !(task instanceof OnStartup)).toList();
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), others)
                .startTasks(startable(startup))
                .threads(threads)
                .pollingInterval(pollingInterval)
                // a job whose node died is taken over after six missed heartbeats: three minutes, not
                // db-scheduler's default half hour, since long jobs (imports) resume from a checkpoint
                .heartbeatInterval(heartbeat)
                .enableImmediateExecution()
                .alwaysPersistTimestampInUTC()
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
    }

    /** The tasks were filtered on {@link OnStartup}; the cast only restates that for the builder's signature. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T extends Task<?> & OnStartup> List<T> startable(List<Task<?>> tasks) {
        return (List) tasks;
    }

    /** Started only when the application serves requests, so no job runs against a half-started context. */
    @EventListener(ApplicationReadyEvent.class)
    void start(ApplicationReadyEvent event) {
        event.getApplicationContext().getBean(Scheduler.class).start();
    }
}
