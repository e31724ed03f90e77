package dev.rapport.identity.web;

import dev.rapport.identity.Notifications;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.PageModel;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Puts the signed-in user's unread notification count on every page for the bell in the
 * navigation: one indexed count, capped at 100 so a large unread backlog costs no more.
 */
@Component
class NotificationBellModel implements PageModel {

    private final UserManagement users;
    private final Notifications notifications;

    NotificationBellModel(UserManagement users, Notifications notifications) {
        this.users = users;
        this.notifications = notifications;
    }

    @Override
    public void addTo(Map<String, Object> model) {
        model.put("unreadNotifications", users.signedIn().map(u -> notifications.unreadCount(u.id())).orElse(null));
    }
}
