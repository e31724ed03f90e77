package dev.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.rapport.ApiTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The bell in the navigation and the notifications page. */
class NotificationPagesTest extends ApiTestSupport {

    @Autowired
    Notifications notifications;

    @Autowired
    AccountSettings settings;

    @Test
    void theBellCountsUnreadNotificationsOnEveryPage() {
        String email = unique("bell") + "@test.local";
        long me = createUser(email, "sales-rep", 1, null);
        assertThat(body(mvc.get().uri("/customers").with(user(email)).exchange())).contains("id=\"bell\"")
                .doesNotContain("id=\"notification-count\"");
        notifications.notify(me, "test", "notification.taskReminder", List.of("first", "Acme"), "/customers/1");
        notifications.notify(me, "test", "notification.taskReminder", List.of("second", "Acme"), "/customers/2");

        assertThat(body(mvc.get().uri("/customers").with(user(email)).exchange())).contains("id=\"notification-count\">2<");
        assertThat(body(mvc.get().uri("/tasks").with(user(email)).exchange())).contains("id=\"notification-count\">2<");

        assertThat(mvc.post().uri("/notifications/read-all").with(user(email)).with(csrf()).exchange()).hasStatus3xxRedirection();
        assertThat(body(mvc.get().uri("/customers").with(user(email)).exchange())).doesNotContain("id=\"notification-count\"");
    }

    @Test
    void aLargeBacklogShowsAs99Plus() {
        String email = unique("busy") + "@test.local";
        long me = createUser(email, "sales-rep", 1, null);
        notifications.notifyAll(java.util.stream.IntStream.range(0, 120).mapToObj(i -> new Notifications.Notice(me, "test",
                "notification.taskReminder", List.of("n" + i, "Acme"), null)).toList());
        assertThat(body(mvc.get().uri("/customers").with(user(email)).exchange())).contains("id=\"notification-count\">99+<");
    }

    @Test
    void theInboxSpeaksTheReadersLanguageAndOpeningANotificationMarksItReadAndFollowsItsLink() {
        String email = unique("reader") + "@test.local";
        long me = createUser(email, "sales-rep", 1, null);
        long id = notifications.notify(me, "test", "notification.taskReminder", List.of("回访客户", "星河科技"), "/customers/42");

        String html = body(mvc.get().uri("/notifications?lang=zh-CN").with(user(email)).exchange());
        assertThat(html).contains("提醒：回访客户（星河科技）").contains("/notifications/" + id + "/open").contains("全部标为已读");

        var open = mvc.get().uri("/notifications/" + id + "/open").with(user(email)).exchange();
        assertThat(open).hasStatus3xxRedirection();
        assertThat(open.getResponse().getRedirectedUrl()).isEqualTo("/customers/42");
        assertThat(notifications.unreadCount(me)).isZero();
    }

    @Test
    void markingOneReadFromThePageAndSomeoneElsesIsNotFound() {
        String email = unique("marker") + "@test.local";
        String other = unique("other") + "@test.local";
        long me = createUser(email, "sales-rep", 1, null);
        createUser(other, "sales-rep", 1, null);
        long id = notifications.notify(me, "test", "notification.taskReminder", List.of("x", "y"), null);

        assertThat(mvc.post().uri("/notifications/" + id + "/read").with(user(other)).with(csrf()).exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/notifications/" + id + "/open").with(user(other)).exchange()).hasStatus(404);
        assertThat(notifications.unreadCount(me)).isEqualTo(1);
        assertThat(mvc.post().uri("/notifications/" + id + "/read").with(user(email)).with(csrf()).exchange()).hasStatus3xxRedirection();
        assertThat(notifications.unreadCount(me)).isZero();
    }

    @Test
    void moreLoadsTheNextNotificationsAsAFragment() {
        String email = unique("many") + "@test.local";
        long me = createUser(email, "sales-rep", 1, null);
        notifications.notifyAll(java.util.stream.IntStream.range(0, 55).mapToObj(i -> new Notifications.Notice(me, "test",
                "notification.taskReminder", List.of("item " + i, "Acme"), null)).toList());
        String page = body(mvc.get().uri("/notifications").with(user(email)).exchange());
        assertThat(page).contains("<html").contains("item 54 (Acme)").doesNotContain("item 4 (Acme)");
        String next = page.replaceAll("(?s).*hx-get=\"([^\"]*cursor=[^\"]*)\".*", "$1").replace("&amp;", "&");
        var fragment = mvc.get().uri(next).header("HX-Request", "true").with(user(email)).exchange();
        assertThat(fragment).hasStatusOk();
        assertThat(body(fragment)).doesNotContain("<html").contains("item 4 (Acme)").contains("item 0 (Acme)");
    }

    @Test
    void theUiLanguageIsRememberedForEmails() {
        String email = unique("polyglot") + "@test.local";
        long me = createUser(email, "sales-rep", 1, null);
        mvc.get().uri("/customers?lang=zh-CN").with(user(email)).exchange();
        assertThat(settings.of(me).language()).isEqualTo("zh-CN");
        mvc.get().uri("/customers?lang=en").with(user(email)).exchange();
        assertThat(settings.of(me).language()).isEqualTo("en");
    }
}
