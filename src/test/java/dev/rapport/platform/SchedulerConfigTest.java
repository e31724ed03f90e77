package dev.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.rapport.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SchedulerConfigTest extends ApiTestSupport {

    @Autowired
    Scheduler scheduler;

    @Test
    void theJobSchedulerRunsOnceTheApplicationIsReady() {
        assertThat(scheduler.getSchedulerState().isStarted()).isTrue();
        assertThat(scheduler.getSchedulerState().isShuttingDown()).isFalse();
    }
}
