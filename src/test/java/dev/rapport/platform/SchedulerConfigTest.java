package dev.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.rapport.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SchedulerConfigTest extends ApiTestSupport {

    @Autowired
    Scheduler scheduler;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void theJobSchedulerRunsOnceTheApplicationIsReady() {
        assertThat(scheduler.getSchedulerState().isStarted()).isTrue();
        assertThat(scheduler.getSchedulerState().isShuttingDown()).isFalse();
    }

    @Test
    void theModulesRecurringJobsAreScheduledOnce() {
        assertThat(jdbc.sql("select task_name from scheduled_tasks where task_instance = 'recurring'").query(String.class).list())
                .contains("task-reminders", "notification-mail").doesNotHaveDuplicates();
    }
}
