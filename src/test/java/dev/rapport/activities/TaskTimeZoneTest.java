package dev.rapport.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.rapport.ApiTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Times typed into and shown on pages are in the signed-in user's zone; the API speaks UTC instants. */
class TaskTimeZoneTest extends ApiTestSupport {

    @Test
    void aReminderTypedAsNineOClockMeansNineWhereTheUserIs() {
        String shanghai = unique("sh") + "@test.local";
        String berlin = unique("ber") + "@test.local";
        users.create(shanghai, "上海用户", "password-123", "sales-rep", 1L, null, "Asia/Shanghai", null);
        users.create(berlin, "Berlin user", "password-123", "sales-rep", 1L, null, "Europe/Berlin", null);

        assertThat(remindAtStoredFor(shanghai)).isEqualTo("2030-03-10T01:00:00Z");
        assertThat(remindAtStoredFor(berlin)).isEqualTo("2030-03-10T08:00:00Z");
    }

    @Test
    void theTimelineShowsTimesInTheReadersZone() {
        String email = unique("reader") + "@test.local";
        users.create(email, "Reader", "password-123", "sales-rep", 1L, null, "America/New_York", null);
        String token = token(email, "password-123");
        long customer = createCustomer(token, "{\"name\":\"" + unique("Zoned") + "\"}");
        post(token, "/api/v1/activities", "{\"customerId\":" + customer + ",\"type\":\"task\",\"subject\":\"zoned\","
                + "\"dueAt\":\"2030-07-01T16:00:00Z\"}");

        String html = body(mvc.get().uri("/customers/" + customer + "/timeline").with(user(email)).exchange());
        // 16:00 UTC is noon in New York in summer
        assertThat(html).contains("2030-07-01 12:00").doesNotContain("2030-07-01 16:00").contains("America/New_York");
        assertThat(body(mvc.get().uri("/tasks").with(user(email)).exchange())).contains("2030-07-01 12:00");
    }

    /** Adds a task through the customer page's form as this user, with the reminder typed as 09:00, and reads it back over the API. */
    private String remindAtStoredFor(String email) {
        String token = token(email, "password-123");
        long customer = createCustomer(token, "{\"name\":\"" + unique("Nine") + "\"}");
        var added = mvc.post().uri("/customers/" + customer + "/activities").param("type", "task").param("subject", "nine o'clock")
                .param("dueAt", "2030-03-10T10:00").param("remindAt", "2030-03-10T09:00").with(user(email)).with(csrf()).exchange();
        assertThat(added).hasStatus3xxRedirection();
        var timeline = get(token, "/api/v1/activities?customerId=" + customer);
        assertThat((List<String>) json(timeline, "$.items[*].subject")).containsExactly("nine o'clock");
        return json(timeline, "$.items[0].remindAt");
    }
}
