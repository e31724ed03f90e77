package dev.rapport.activities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityApiTest extends ApiTestSupport {

    @Test
    void timelineIsNewestFirstAndPagesByCursor() {
        long c = createCustomer(adminToken(), "{\"name\":\"" + unique("Timeline") + "\"}");
        for (int day = 1; day <= 5; day++) {
            var r = post(adminToken(), "/api/v1/activities", "{\"customerId\":" + c + ",\"type\":\"visit\",\"subject\":\"visit " + day
                    + "\",\"occurredAt\":\"2026-0" + day + "-10T10:00:00Z\"}");
            assertThat(r).as(body(r)).hasStatus(201);
        }
        var first = get(adminToken(), "/api/v1/activities?customerId=" + c + "&limit=3");
        assertThat((List<String>) json(first, "$.items[*].subject")).containsExactly("visit 5", "visit 4", "visit 3");
        String next = json(first, "$.next");
        var second = get(adminToken(), "/api/v1/activities?customerId=" + c + "&limit=3&cursor=" + next);
        assertThat((List<String>) json(second, "$.items[*].subject")).containsExactly("visit 2", "visit 1");
        assertThat((Object) json(second, "$.next")).isNull();
    }

    @Test
    void tasksHaveDueDatesRemindersAndShowOnMyTasksUntilDone() {
        String email = unique("tasker") + "@test.local";
        createUser(email, "sales-rep", 1, null);
        String rep = token(email, "password-123");
        long c = createCustomer(rep, "{\"name\":\"" + unique("Tasks") + "\"}");
        var overdue = post(rep, "/api/v1/activities", "{\"customerId\":" + c + ",\"type\":\"task\",\"subject\":\"send quote\",\"dueAt\":\"2020-01-01T09:00:00Z\",\"remindAt\":\"2019-12-31T09:00:00Z\"}");
        assertThat(overdue).as(body(overdue)).hasStatus(201);
        post(rep, "/api/v1/activities", "{\"customerId\":" + c + ",\"type\":\"task\",\"subject\":\"call back\",\"dueAt\":\"2099-01-01T09:00:00Z\"}");
        assertThat((List<String>) json(get(rep, "/api/v1/tasks"), "$[*].subject")).containsExactly("send quote", "call back");

        long id = id(overdue, "$.id");
        var done = post(rep, "/api/v1/activities/" + id + "/complete", "{}");
        assertThat(done).hasStatusOk();
        assertThat((String) json(done, "$.doneAt")).isNotNull();
        assertThat((List<String>) json(get(rep, "/api/v1/tasks"), "$[*].subject")).containsExactly("call back");
    }

    @Test
    void rejectsInvalidActivities() {
        long c = createCustomer(adminToken(), "{\"name\":\"" + unique("Bad") + "\"}");
        var r = post(adminToken(), "/api/v1/activities", "{\"customerId\":" + c + ",\"type\":\"party\",\"subject\":\"\"}");
        assertThat(r).hasStatus(400);
        assertThat((List<String>) json(r, "$.errors[*].field")).containsExactlyInAnyOrder("type", "subject");
        var noteWithDue = post(adminToken(), "/api/v1/activities", "{\"customerId\":" + c + ",\"type\":\"note\",\"subject\":\"x\",\"dueAt\":\"2030-01-01T00:00:00Z\"}");
        assertThat(noteWithDue).hasStatus(400);
        assertThat(post(adminToken(), "/api/v1/activities", "{\"customerId\":999999999,\"type\":\"note\",\"subject\":\"x\"}")).hasStatus(404);
    }

    @Test
    void deletingACustomerRemovesItsActivities() {
        long c = createCustomer(adminToken(), "{\"name\":\"" + unique("Gone") + "\"}");
        long a = id(post(adminToken(), "/api/v1/activities", "{\"customerId\":" + c + ",\"type\":\"note\",\"subject\":\"x\"}"), "$.id");
        assertThat(delete(adminToken(), "/api/v1/customers/" + c)).hasStatus(204);
        assertThat(get(adminToken(), "/api/v1/activities/" + a)).hasStatus(404);
    }
}
