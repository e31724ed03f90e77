package dev.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** /api/v1/notifications: only the caller's own, newest first, in their language and zone; read and read-all. */
class NotificationApiTest extends ApiTestSupport {

    @Autowired
    Notifications notifications;

    @Autowired
    AccountSettings settings;

    @Test
    void listsOnlyTheCallersNotificationsNewestFirstPagedByCursor() {
        String a = unique("inbox-a") + "@test.local";
        String b = unique("inbox-b") + "@test.local";
        long userA = createUser(a, "sales-rep", 1, null);
        long userB = createUser(b, "sales-rep", 1, null);
        for (int i = 1; i <= 3; i++) {
            notifications.notify(userA, "test", "notification.taskReminder", List.of("task " + i, "Acme"), "/customers/" + i);
        }
        notifications.notify(userB, "test", "notification.taskReminder", List.of("not yours", "Acme"), null);
        String token = token(a, "password-123");

        var first = get(token, "/api/v1/notifications?limit=2");
        assertThat(first).hasStatusOk();
        assertThat((List<String>) json(first, "$.items[*].text")).containsExactly("Reminder: task 3 (Acme)", "Reminder: task 2 (Acme)");
        var second = get(token, "/api/v1/notifications?limit=2&cursor=" + json(first, "$.next"));
        assertThat((List<String>) json(second, "$.items[*].text")).containsExactly("Reminder: task 1 (Acme)");
        assertThat((Object) json(second, "$.next")).isNull();
        assertThat((List<String>) json(second, "$.items[*].link")).containsExactly("/customers/1");
    }

    @Test
    void theTextIsInTheCallersLanguageWithTimesInTheirZone() {
        String email = unique("zone") + "@test.local";
        long user = createUser(email, "sales-rep", 1, null);
        settings.update(user, "Asia/Shanghai", true);
        notifications.notify(user, "task.reminder", "notification.taskReminder.due",
                List.of("回访", "星河科技", Instant.parse("2030-01-01T01:00:00Z")), "/customers/9");
        String token = token(email, "password-123");

        var zh = mvc.get().uri("/api/v1/notifications").header("Authorization", "Bearer " + token)
                .header("Accept-Language", "zh-CN").exchange();
        assertThat((String) json(zh, "$.items[0].text")).isEqualTo("提醒：回访（星河科技），截止时间 2030-01-01 09:00");
        var en = mvc.get().uri("/api/v1/notifications").header("Authorization", "Bearer " + token)
                .header("Accept-Language", "en").exchange();
        assertThat((String) json(en, "$.items[0].text")).isEqualTo("Reminder: 回访 (星河科技), due 2030-01-01 09:00");
        // programs get the same content unrendered, the instant in UTC
        assertThat((String) json(en, "$.items[0].messageKey")).isEqualTo("notification.taskReminder.due");
        assertThat((String) json(en, "$.items[0].args[2]")).isEqualTo("2030-01-01T01:00:00Z");
        assertThat((Boolean) json(en, "$.items[0].read")).isFalse();
    }

    @Test
    void anotherUsersNotificationIsNotFoundAndOwnOnesCanBeMarkedRead() {
        String a = unique("own-a") + "@test.local";
        String b = unique("own-b") + "@test.local";
        long userA = createUser(a, "sales-rep", 1, null);
        createUser(b, "sales-rep", 1, null);
        long id = notifications.notify(userA, "test", "notification.taskReminder", List.of("mine", "Acme"), null);
        String tokenA = token(a, "password-123");
        String tokenB = token(b, "password-123");

        var foreign = post(tokenB, "/api/v1/notifications/" + id + "/read", "");
        assertThat(foreign).hasStatus(404);
        assertThat(foreign.getResponse().getContentType()).contains("application/problem+json");
        assertThat((List<?>) json(get(tokenA, "/api/v1/notifications?unread=true"), "$.items")).hasSize(1);

        assertThat(post(tokenA, "/api/v1/notifications/" + id + "/read", "")).hasStatus(204);
        assertThat((List<?>) json(get(tokenA, "/api/v1/notifications?unread=true"), "$.items")).isEmpty();
        assertThat((Boolean) json(get(tokenA, "/api/v1/notifications"), "$.items[0].read")).isTrue();
        assertThat(post(tokenA, "/api/v1/notifications/999999999/read", "")).hasStatus(404);
    }

    @Test
    void readAllMarksOnlyTheCallersNotificationsRead() {
        String a = unique("all-a") + "@test.local";
        String b = unique("all-b") + "@test.local";
        long userA = createUser(a, "sales-rep", 1, null);
        long userB = createUser(b, "sales-rep", 1, null);
        notifications.notify(userA, "test", "notification.taskReminder", List.of("one", "Acme"), null);
        notifications.notify(userA, "test", "notification.taskReminder", List.of("two", "Acme"), null);
        notifications.notify(userB, "test", "notification.taskReminder", List.of("other", "Acme"), null);

        assertThat(post(token(a, "password-123"), "/api/v1/notifications/read-all", "")).hasStatus(204);

        assertThat(notifications.unreadCount(userA)).isZero();
        assertThat(notifications.unreadCount(userB)).isEqualTo(1);
    }

    @Test
    void notificationsOnlyLinkInsideRapport() {
        String email = unique("link") + "@test.local";
        long user = createUser(email, "sales-rep", 1, null);
        for (String link : List.of("https://evil.example", "//evil.example", "/\\evil.example")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> notifications.notify(user, "test", "notification.taskReminder",
                    List.of("x", "y"), link)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
