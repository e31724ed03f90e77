package dev.rapport.activities.reminders;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Task reminders go out once a minute, run by one node of the cluster at a time (db-scheduler). */
@Configuration
class ReminderJob {

    @Bean
    RecurringTask<Void> taskRemindersTask(TaskReminders reminders) {
        return Tasks.recurring("task-reminders", FixedDelay.ofMinutes(1))
                .execute((instance, context) -> reminders.deliverDue());
    }
}
