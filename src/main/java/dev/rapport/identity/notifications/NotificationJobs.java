package dev.rapport.identity.notifications;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mail outbox job, every 30 seconds on whichever node db-scheduler picks. Registered on every
 * node, mail configured or not, so no node meets it as an unknown task; without mail it does nothing.
 */
@Configuration
class NotificationJobs {

    @Bean
    RecurringTask<Void> notificationMailTask(NotificationMail mail) {
        return Tasks.recurring("notification-mail", FixedDelay.ofSeconds(30))
                .execute((instance, context) -> mail.sendDue());
    }
}
