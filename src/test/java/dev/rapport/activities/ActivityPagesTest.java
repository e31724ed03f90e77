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
}
