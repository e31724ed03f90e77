package dev.rapport.identity.web;

import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.Notifications;
import dev.rapport.identity.UserManagement;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The notification inbox: newest first, open (marks read and follows the link), mark read, mark all read. */
@Controller
class NotificationPagesController {

    private static final int PAGE = 50;

    private final UserManagement users;
    private final Notifications notifications;

    NotificationPagesController(UserManagement users, Notifications notifications) {
        this.users = users;
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String inbox(@RequestParam(required = false) String cursor, HtmxRequest htmx, Model model) {
        CurrentUser me = users.current();
        var page = notifications.list(me.id(), false, cursor, PAGE, LocaleContextHolder.getLocale(), me.timeZone());
        model.addAttribute("items", page.items());
        model.addAttribute("next", page.next());
        // "more" appends the next rows to the list; a plain request gets the whole page
        return htmx.isHtmxRequest() && cursor != null ? "identity/notifications :: rows" : "identity/notifications";
    }

    @GetMapping("/notifications/{id}/open")
    String open(@PathVariable long id) {
        String link = notifications.open(users.current().id(), id);
        return "redirect:" + (link == null ? "/notifications" : link);
    }

    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable long id) {
        notifications.markRead(users.current().id(), id);
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String readAll() {
        notifications.markAllRead(users.current().id());
        return "redirect:/notifications";
    }
}
