package dev.rapport.activities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import dev.rapport.activities.domain.ActivityDayCountStore;
import dev.rapport.platform.TimeZones;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The daily activity counts stay equal to a live count over the activities whatever writes them. */
class ActivityDayCountsTest extends ApiTestSupport {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TimeZones zones;
    @Autowired
    ActivityCounts counts;
    @Autowired
    ActivityBulkLoad bulk;
    @Autowired
    ActivityDayCountStore store;
    @Autowired
    TransactionTemplate tx;

    /** day|owner|type -> count, from the activities themselves, the day cut in the company zone here in Java. */
    Map<String, Long> live() {
        Map<String, Long> out = new TreeMap<>();
        jdbc.sql("select owner_id, type, occurred_at from activities").query((rs, n) -> {
            LocalDate day = rs.getTimestamp("occurred_at").toInstant().atZone(zones.defaultZone()).toLocalDate();
            out.merge(day + "|" + rs.getLong("owner_id") + "|" + rs.getString("type"), 1L, Long::sum);
            return null;
        }).list();
        return out;
    }

    Map<String, Long> rollup() {
        Map<String, Long> out = new TreeMap<>();
        jdbc.sql("select on_day, owner_id, type, n from activity_day_counts where n <> 0").query((rs, n) -> {
            out.put(rs.getObject("on_day", LocalDate.class) + "|" + rs.getLong("owner_id") + "|" + rs.getString("type"), rs.getLong("n"));
            return null;
        }).list();
        return out;
    }

    long activity(String token, long customer, String type, String occurredAt, Long owner) {
        String json = "{\"customerId\":" + customer + ",\"type\":\"" + type + "\",\"subject\":\"s\",\"occurredAt\":\"" + occurredAt + "\""
                + (owner == null ? "" : ",\"ownerId\":" + owner) + "}";
        var r = post(token, "/api/v1/activities", json);
        assertThat(r).as(body(r)).hasStatus(201);
        return id(r, "$.id");
    }

    @Test
    void countsFollowAddsDeletesHandOversCustomerDeletesMergesAndBulkLoads() {
        String email = unique("rep") + "@test.local";
        long rep = createUser(email, "sales-rep", 1, null);
        long heir = createUser(unique("heir") + "@test.local", "sales-rep", 1, null);
        String token = token(email, "password-123");
        long a = createCustomer(token, "{\"name\":\"" + unique("Count A") + "\"}");
        long b = createCustomer(token, "{\"name\":\"" + unique("Count B") + "\"}");
        long c = createCustomer(adminToken(), "{\"name\":\"" + unique("Count C") + "\"}");
        // 16:30 UTC is already the next day in Shanghai
        long late = activity(token, a, "call", "2026-03-01T16:30:00Z", null);
        activity(token, a, "visit", "2026-03-01T10:00:00Z", null);
        activity(token, a, "task", "2026-03-03T10:00:00Z", null);
        activity(token, b, "task", "2026-03-04T10:00:00Z", null);
        activity(token, b, "meeting", "2026-03-04T10:00:00Z", null);
        activity(adminToken(), c, "note", "2026-03-05T10:00:00Z", rep);
        assertThat(rollup()).isEqualTo(live());

        var mine = counts.byOwner(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 3), List.of(rep)).get(rep);
        assertThat(mine).containsEntry(ActivityType.CALL, 1L).containsEntry(ActivityType.VISIT, 1L).doesNotContainKey(ActivityType.TASK);
        if ("Asia/Shanghai".equals(zones.defaultZone().getId())) {
            assertThat(counts.byOwner(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3), List.of(rep)).get(rep))
                    .containsOnly(Map.entry(ActivityType.CALL, 1L));
        }

        assertThat(delete(token, "/api/v1/activities/" + late)).hasStatus(204);
        assertThat(rollup()).isEqualTo(live());

        var merged = post(adminToken(), "/api/v1/customers/merge", "{\"survivorId\":" + a + ",\"ids\":[" + b + "]}");
        assertThat(merged).as(body(merged)).hasStatusOk();
        assertThat(rollup()).isEqualTo(live());

        var handedOver = post(adminToken(), "/api/v1/users/" + rep + "/handover", "{\"toUserId\":" + heir + "}");
        assertThat(handedOver).as(body(handedOver)).hasStatus(204);
        assertThat(counts.byOwner(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), List.of(heir)).get(heir))
                .containsOnly(Map.entry(ActivityType.TASK, 2L));
        assertThat(rollup()).isEqualTo(live());

        assertThat(delete(adminToken(), "/api/v1/customers/" + a)).hasStatus(204);
        assertThat(rollup()).isEqualTo(live());

        List<ActivityBulkLoad.NewActivity> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(new ActivityBulkLoad.NewActivity(c, null, i % 2 == 0 ? ActivityType.CALL : ActivityType.NOTE, "bulk " + i, null,
                    Instant.parse("2026-02-01T00:00:00Z").plusSeconds(i * 7_200L), null, null, null, heir, heir));
        }
        tx.executeWithoutResult(s -> bulk.insert(batch, Instant.parse("2026-06-01T00:00:00Z")));
        tx.executeWithoutResult(s -> bulk.insert(batch.subList(0, 5), Instant.parse("2026-06-01T00:00:00Z")));
        assertThat(rollup()).isEqualTo(live());
        assertThat(counts.byOwner(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1)).get(heir).values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(35L);
    }

    @Test
    void aRebuildInSqlCutsTheSameDaysAsTheWriters() {
        String email = unique("rep") + "@test.local";
        createUser(email, "sales-rep", 1, null);
        String token = token(email, "password-123");
        long a = createCustomer(token, "{\"name\":\"" + unique("Rebuild") + "\"}");
        for (String at : List.of("2026-05-01T15:59:59Z", "2026-05-01T16:00:00Z", "2026-05-01T23:00:00Z", "2026-12-31T20:00:00Z")) {
            activity(token, a, "call", at, null);
        }
        Map<String, Long> before = rollup();
        tx.executeWithoutResult(s -> store.rebuild());
        assertThat(rollup()).isEqualTo(before).isEqualTo(live());
    }
}
