package dev.rapport.identity.web;

import dev.rapport.identity.Notifications;
import dev.rapport.identity.UserManagement;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in user's unread notification count on every page for the bell in the
 * navigation: one indexed count, capped at 100 so a large unread backlog costs no more.
 */
@ControllerAdvice(annotations = Controller.class)
class NotificationBellAdvice {

    private final UserManagement users;
    private final Notifications notifications;

    NotificationBellAdvice(UserManagement users, Notifications notifications) {
        this.users = users;
        this.notifications = notifications;
    }

    @ModelAttribute("unreadNotifications")
    Integer unread(HttpServletRequest request) {
        if (isApi(request)) {
            return null;
        }
        return users.signedIn().map(u -> notifications.unreadCount(u.id())).orElse(null);
    }

    /** @RestController is a @Controller too; JSON calls need no navigation state, so skip the queries. */
    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
