package dev.rapport.customers.pools;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pool recapture runs every hour (rapport.pools.recapture-interval), on one node of the cluster
 * at a time (db-scheduler). The rules count in days, so an hour's lag is within their precision.
 */
@Configuration
class PoolRecaptureJob {

    @Bean
    RecurringTask<Void> poolRecaptureTask(PoolRecapture recapture,
                                          @Value("${rapport.pools.recapture-interval:PT1H}") Duration interval) {
        return Tasks.recurring("pool-recapture", FixedDelay.of(interval))
                .execute((instance, context) -> recapture.run());
    }
}
