package dev.rapport.identity.web;

import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.Notifications;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notifications over JSON. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "The caller's in-app notifications (通知): task reminders and alerts")
class NotificationApiController {

    private final UserManagement users;
    private final Notifications notifications;

    NotificationApiController(UserManagement users, Notifications notifications) {
        this.users = users;
        this.notifications = notifications;
    }

    @Operation(summary = "The caller's notifications, newest first",
            description = "text is rendered in the caller's language (Accept-Language) with times in their time zone; "
                    + "messageKey and args carry the same content for programs (instants as ISO-8601 UTC). "
                    + "unread=true lists only unread ones. Keyset paging with limit (max 200) and cursor.")
    @GetMapping
    CursorPage<Notifications.View> list(@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit,
                                        @RequestParam(defaultValue = "false") boolean unread) {
        CurrentUser me = users.current();
        return notifications.list(me.id(), unread, cursor, Math.max(1, Math.min(limit, 200)), LocaleContextHolder.getLocale(),
                me.timeZone());
    }

    @Operation(summary = "Mark one of the caller's notifications read (404 for anyone else's)")
    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(@PathVariable long id) {
        notifications.markRead(users.current().id(), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Mark all of the caller's notifications read")
    @PostMapping("/read-all")
    ResponseEntity<Void> readAll() {
        notifications.markAllRead(users.current().id());
        return ResponseEntity.noContent().build();
    }
}
