package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import dev.rapport.platform.TimeZones;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TargetApiTest extends ApiTestSupport {

    @Autowired
    Clock clock;
    @Autowired
    TimeZones zones;

    long stage(String name) {
        List<Number> ids = json(get(adminToken(), "/api/v1/pipelines"), "$[0].stages[?(@.name == '" + name + "')].id");
        return ids.get(0).longValue();
    }

    LocalDate thisMonth() {
        return LocalDate.now(clock.withZone(zones.defaultZone())).withDayOfMonth(1);
    }

    String target(String subjectType, long subjectId, String periodType, LocalDate start, String amount, int count) {
        return "{\"subjectType\":\"" + subjectType + "\",\"subjectId\":" + subjectId + ",\"periodType\":\"" + periodType
                + "\",\"periodStart\":\"" + start + "\",\"amount\":" + amount + ",\"wonCount\":" + count + "}";
    }

    long createTarget(String token, String json) {
        var r = post(token, "/api/v1/targets", json);
        assertThat(r).as(body(r)).hasStatus(201);
        return id(r, "$.id");
    }

    long rep() {
        return createUser(unique("rep") + "@test.local", "sales-rep", 1, null);
    }

    long wonDeal(String token, String amount) {
        long c = createCustomer(token, "{\"name\":\"" + unique("Won") + "\"}");
        var r = post(token, "/api/v1/opportunities", "{\"name\":\"" + unique("Deal") + "\",\"customerId\":" + c + ",\"amount\":" + amount + "}");
        assertThat(r).as(body(r)).hasStatus(201);
        long o = id(r, "$.id");
        assertThat(post(token, "/api/v1/opportunities/" + o + "/stage", "{\"stageId\":" + stage("Won") + ",\"version\":0}")).hasStatusOk();
        return o;
    }

    @Test
    void setsReadsChangesAndDeletesATarget() {
        long rep = rep();
        var r = post(adminToken(), "/api/v1/targets", target("user", rep, "quarter", LocalDate.of(2027, 1, 1), "500000", 5));
        assertThat(r).as(body(r)).hasStatus(201);
        assertThat(r.getResponse().getHeader("ETag")).isEqualTo("\"0\"");
        assertThat((String) json(r, "$.currency")).isEqualTo("CNY");
        assertThat((String) json(r, "$.periodEnd")).isEqualTo("2027-04-01");
        long id = id(r, "$.id");
        var changed = put(adminToken(), "/api/v1/targets/" + id, target("user", rep, "quarter", LocalDate.of(2027, 1, 1), "600000", 6), "\"0\"");
        assertThat(changed).as(body(changed)).hasStatusOk();
        assertThat(json(changed, "$.amount").toString()).isEqualTo("600000.0");
        List<Number> listed = json(get(adminToken(), "/api/v1/targets?from=2027-01-01&to=2027-12-31&subjectType=user&subjectId=" + rep), "$[*].id");
        assertThat(listed).containsExactly((int) id);
        assertThat(delete(adminToken(), "/api/v1/targets/" + id)).hasStatus(204);
        assertThat(get(adminToken(), "/api/v1/targets/" + id)).hasStatus(404);
    }

    @Test
    void badPeriodAlignmentAndNegativeAmountNameTheFields() {
        long rep = rep();
        var r = post(adminToken(), "/api/v1/targets", target("user", rep, "quarter", LocalDate.of(2027, 2, 1), "-5", 1));
        assertThat(r).hasStatus(400);
        List<String> fields = json(r, "$.errors[*].field");
        assertThat(fields).containsExactlyInAnyOrder("periodStart", "amount");
        assertThat(post(adminToken(), "/api/v1/targets", target("user", rep, "month", LocalDate.of(2027, 2, 15), "5", 1))).hasStatus(400);
        assertThat(post(adminToken(), "/api/v1/targets", target("user", rep, "year", LocalDate.of(2027, 7, 1), "5", 1))).hasStatus(400);
        var unknown = post(adminToken(), "/api/v1/targets", target("team", rep, "week", LocalDate.of(2027, 1, 1), "5", 1));
        List<String> unknownFields = json(unknown, "$.errors[*].field");
        assertThat(unknownFields).contains("subjectType", "periodType");
    }

    @Test
    void aSubjectHasOneTargetPerPeriod() {
        long rep = rep();
        createTarget(adminToken(), target("user", rep, "month", LocalDate.of(2027, 3, 1), "1000", 1));
        var again = post(adminToken(), "/api/v1/targets", target("user", rep, "month", LocalDate.of(2027, 3, 1), "2000", 2));
        assertThat(again).hasStatus(400);
        List<String> fields = json(again, "$.errors[*].field");
        assertThat(fields).containsExactly("periodStart");
        // another kind of period starting the same day is a different target
        createTarget(adminToken(), target("user", rep, "quarter", LocalDate.of(2027, 1, 1), "3000", 3));
    }

    @Test
    void aStaleVersionIsAConflict() {
        long rep = rep();
        long id = createTarget(adminToken(), target("user", rep, "year", LocalDate.of(2028, 1, 1), "1000", 1));
        String body = target("user", rep, "year", LocalDate.of(2028, 1, 1), "2000", 1);
        assertThat(put(adminToken(), "/api/v1/targets/" + id, body, "\"0\"")).hasStatusOk();
        String stale = body.replace("}", ",\"version\":0}");
        assertThat(put(adminToken(), "/api/v1/targets/" + id, stale, null)).hasStatus(409);
        assertThat(put(adminToken(), "/api/v1/targets/" + id, body, "\"0\"")).hasStatus(412);
    }

    @Test
    void aRepSeesOnlyTheirOwnTargetsAndCannotSetThem() {
        String a = unique("rep") + "@test.local";
        String b = unique("rep") + "@test.local";
        long ida = createUser(a, "sales-rep", 1, null);
        long idb = createUser(b, "sales-rep", 1, null);
        long ta = createTarget(adminToken(), target("user", ida, "month", LocalDate.of(2027, 5, 1), "1000", 1));
        long tb = createTarget(adminToken(), target("user", idb, "month", LocalDate.of(2027, 5, 1), "1000", 1));
        String tokenA = token(a, "password-123");
        assertThat(get(tokenA, "/api/v1/targets/" + ta)).hasStatusOk();
        assertThat(get(tokenA, "/api/v1/targets/" + tb)).hasStatus(404);
        assertThat(get(tokenA, "/api/v1/targets/" + tb + "/attainment")).hasStatus(404);
        List<Number> listed = json(get(tokenA, "/api/v1/targets?from=2027-01-01"), "$[*].id");
        assertThat(listed).contains((int) ta).doesNotContain((int) tb);
        assertThat(post(tokenA, "/api/v1/targets", target("user", ida, "month", LocalDate.of(2027, 6, 1), "1", 1))).hasStatus(403);
        assertThat(delete(tokenA, "/api/v1/targets/" + ta)).hasStatus(403);
    }

    @Test
    void attainmentCountsOnlyDealsWonInThePeriod() {
        String email = unique("rep") + "@test.local";
        long rep = createUser(email, "sales-rep", 1, null);
        String token = token(email, "password-123");
        long current = createTarget(adminToken(), target("user", rep, "month", thisMonth(), "1000", 4));
        long previous = createTarget(adminToken(), target("user", rep, "month", thisMonth().minusMonths(1), "1000", 4));
        wonDeal(token, "250");
        wonDeal(token, "150");
        long c = createCustomer(token, "{\"name\":\"" + unique("Open") + "\"}");
        assertThat(post(token, "/api/v1/opportunities", "{\"name\":\"open\",\"customerId\":" + c + ",\"amount\":999}")).hasStatus(201);

        var r = get(token, "/api/v1/targets/" + current + "/attainment");
        assertThat(r).as(body(r)).hasStatusOk();
        assertThat(json(r, "$.wonAmount").toString()).isEqualTo("400.0");
        assertThat((Integer) json(r, "$.wonCount")).isEqualTo(2);
        assertThat(json(r, "$.amountPercent").toString()).isEqualTo("40.0");
        assertThat(json(r, "$.countPercent").toString()).isEqualTo("50.0");
        var before = get(token, "/api/v1/targets/" + previous + "/attainment");
        assertThat((Integer) json(before, "$.wonCount")).isEqualTo(0);
    }

    @Test
    void aDepartmentTargetCountsEveryoneInTheSubtree() {
        long top = createDepartment(unique("Sales East"), 1);
        long sub = createDepartment(unique("Shanghai"), top);
        String a = unique("rep") + "@test.local";
        String b = unique("rep") + "@test.local";
        createUser(a, "sales-rep", top, null);
        createUser(b, "sales-rep", sub, null);
        long t = createTarget(adminToken(), target("department", top, "year", thisMonth().withMonth(1), "1000", 2));
        wonDeal(token(a, "password-123"), "100");
        wonDeal(token(b, "password-123"), "200");
        var r = get(adminToken(), "/api/v1/targets/" + t + "/attainment");
        assertThat((Integer) json(r, "$.wonCount")).isEqualTo(2);
        assertThat(json(r, "$.wonAmount").toString()).isEqualTo("300.0");
        // a rep of the department does not see the whole department's target
        assertThat(get(token(a, "password-123"), "/api/v1/targets/" + t)).hasStatus(404);
    }
}
