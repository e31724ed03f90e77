package dev.rapport.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.rapport.ApiTestSupport;
import org.junit.jupiter.api.Test;

class ActivityPagesTest extends ApiTestSupport {

    @Test
    void overdueTasksAndDueRemindersShowAsABadgeAndOnMyTasks() {
        String email = unique("rep") + "@test.local";
        createUser(email, "sales-rep", 1, null);
        String token = token(email, "password-123");
        long c = createCustomer(token, "{\"name\":\"" + unique("Badge") + "\"}");
        post(token, "/api/v1/activities", "{\"customerId\":" + c + ",\"type\":\"task\",\"subject\":\"late one\",\"dueAt\":\"2020-01-01T00:00:00Z\"}");
        post(token, "/api/v1/activities", "{\"customerId\":" + c + ",\"type\":\"task\",\"subject\":\"remind me\",\"dueAt\":\"2099-01-01T00:00:00Z\",\"remindAt\":\"2021-01-01T00:00:00Z\"}");
        post(token, "/api/v1/activities", "{\"customerId\":" + c + ",\"type\":\"task\",\"subject\":\"later\",\"dueAt\":\"2099-01-01T00:00:00Z\"}");
        String html = body(mvc.get().uri("/tasks?lang=en").with(user(email)).exchange());
        assertThat(html).contains("id=\"task-alerts\">2<").contains("late one").contains("overdue").contains("reminder");
    }

    @Test
    void theBadgeStopsCountingAtNinetyNine() {
        String email = unique("rep") + "@test.local";
        createUser(email, "sales-rep", 1, null);
        String token = token(email, "password-123");
        long c = createCustomer(token, "{\"name\":\"" + unique("Busy") + "\"}");
        for (int i = 0; i < 100; i++) {
            assertThat(post(token, "/api/v1/activities", "{\"customerId\":" + c
                    + ",\"type\":\"task\",\"subject\":\"late " + i + "\",\"dueAt\":\"2020-01-01T00:00:00Z\"}")).hasStatus(201);
        }
        String html = body(mvc.get().uri("/tasks?lang=en").with(user(email)).exchange());
        assertThat(html).contains("id=\"task-alerts\">99+<");
    }

    @Test
    void completingATaskFromMyTasksRemovesIt() {
        String email = unique("rep") + "@test.local";
        createUser(email, "sales-rep", 1, null);
        String token = token(email, "password-123");
        long c = createCustomer(token, "{\"name\":\"" + unique("Done") + "\"}");
        long task = id(post(token, "/api/v1/activities", "{\"customerId\":" + c + ",\"type\":\"task\",\"subject\":\"finish me\"}"), "$.id");
        var r = mvc.post().uri("/activities/" + task + "/complete").param("back", "tasks").with(user(email)).with(csrf()).exchange();
        assertThat(r).hasStatus3xxRedirection();
        assertThat(body(mvc.get().uri("/tasks").with(user(email)).exchange())).doesNotContain("finish me");
    }

    @Test
    void moreOfTheTimelineAppendsTheNextEntriesOnly() {
        String email = unique("rep") + "@test.local";
        createUser(email, "sales-rep", 1, null);
        String token = token(email, "password-123");
        long c = createCustomer(token, "{\"name\":\"" + unique("Chatty") + "\"}");
        for (int i = 0; i < 25; i++) {
            String at = java.time.Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * i).toString();
            assertThat(post(token, "/api/v1/activities", "{\"customerId\":" + c + ",\"type\":\"note\",\"subject\":\"note " + i
                    + ";\",\"occurredAt\":\"" + at + "\"}")).hasStatus(201);
        }
        String first = body(mvc.get().uri("/customers/" + c + "/timeline?lang=en").header("HX-Request", "true").with(user(email)).exchange());
        assertThat(first).contains("note 24;").doesNotContain("note 4;").contains("id=\"timeline-more\"");
        var m = java.util.regex.Pattern.compile("hx-get=\"(/customers/" + c + "/timeline/more\\?cursor=[^\"]+)\"").matcher(first);
        assertThat(m.find()).as(first).isTrue();
        String more = body(mvc.get().uri(java.net.URI.create(m.group(1).replace("&amp;", "&"))).header("HX-Request", "true")
                .with(user(email)).exchange());
        assertThat(more).contains("note 4;").contains("note 0;").doesNotContain("note 24;")
                .as("only entries, not a second form").doesNotContain("activity-form")
                .as("the last page has no further button").doesNotContain("timeline-more");
    }
}
