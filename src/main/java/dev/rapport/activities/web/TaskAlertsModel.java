package dev.rapport.activities.web;

import dev.rapport.activities.ActivityManagement;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.PageModel;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Puts the number of the user's tasks that need attention (overdue, or whose reminder time has
 * come) on every page, so the navigation can show it next to "My tasks": {@code taskAlerts}, null
 * when nothing needs attention, "99+" above the counted maximum.
 */
@Component
class TaskAlertsModel implements PageModel {

    private final ActivityManagement activities;
    private final UserManagement users;

    TaskAlertsModel(ActivityManagement activities, UserManagement users) {
        this.activities = activities;
        this.users = users;
    }

    @Override
    public void addTo(Map<String, Object> model) {
        long n = users.signedIn().map(u -> activities.tasksNeedingAttention(u.id())).orElse(0L);
        model.put("taskAlerts", n == 0 ? null
                : n > ActivityManagement.ALERTS_SHOWN ? ActivityManagement.ALERTS_SHOWN + "+" : Long.toString(n));
    }
}
