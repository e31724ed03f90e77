package dev.rapport.activities.web;

import dev.rapport.activities.ActivityManagement;
import dev.rapport.identity.UserManagement;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the number of the user's tasks that need attention (overdue, or whose reminder time has
 * come) on every page, so the navigation can show it next to "My tasks".
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class TaskAlertsAdvice {

    private final ActivityManagement activities;
    private final UserManagement users;

    TaskAlertsAdvice(ActivityManagement activities, UserManagement users) {
        this.activities = activities;
        this.users = users;
    }

    /** The badge text: null when nothing needs attention, "99+" above the counted maximum. */
    @ModelAttribute("taskAlerts")
    String taskAlerts(HttpServletRequest request) {
        if (isApi(request)) {
            return null;
        }
        long n = users.signedIn().map(u -> activities.tasksNeedingAttention(u.id())).orElse(0L);
        if (n == 0) {
            return null;
        }
        return n > ActivityManagement.ALERTS_SHOWN ? ActivityManagement.ALERTS_SHOWN + "+" : Long.toString(n);
    }

    /** @RestController is a @Controller too; JSON calls need no navigation state, so skip the queries. */
    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
