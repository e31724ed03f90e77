package dev.rapport.sales;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Quotes past their valid-until date expire; checked hourly, run by one node at a time (db-scheduler). */
@Configuration
class QuoteJobs {

    @Bean
    RecurringTask<Void> quoteExpiryTask(QuoteUpkeep upkeep) {
        return Tasks.recurring("quote-expiry", FixedDelay.ofHours(1)).execute((instance, context) -> upkeep.expireDue());
    }
}
