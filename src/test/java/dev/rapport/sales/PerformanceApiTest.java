package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import dev.rapport.platform.TimeZones;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class PerformanceApiTest extends ApiTestSupport {

    @Autowired
    Clock clock;
    @Autowired
    TimeZones zones;
    @Autowired
    JdbcClient jdbc;

    long region;
    long team;
    long other;
    long manager;
    long repA;
    long repB;
    long outsider;
    String managerToken;
    String tokenA;
    String tokenB;
    String outsiderToken;

    @BeforeEach
    void company() {
        region = createDepartment(unique("Region"), 1);
        team = createDepartment(unique("Team"), region);
        other = createDepartment(unique("Elsewhere"), 1);
        String m = unique("mgr") + "@test.local";
        manager = createUser(m, "sales-manager", region, null);
        String a = unique("repa") + "@test.local";
        repA = createUser(a, "sales-rep", team, manager);
        String b = unique("repb") + "@test.local";
        repB = createUser(b, "sales-rep", region, manager);
        String x = unique("out") + "@test.local";
        outsider = createUser(x, "sales-rep", other, null);
        managerToken = token(m, "password-123");
        tokenA = token(a, "password-123");
        tokenB = token(b, "password-123");
        outsiderToken = token(x, "password-123");
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zones.defaultZone()));
    }

    long stage(String name) {
        List<Number> ids = json(get(adminToken(), "/api/v1/pipelines"), "$[0].stages[?(@.name == '" + name + "')].id");
        return ids.get(0).longValue();
    }

    long deal(String token, String amount, String currency, String closeAs) {
        long c = createCustomer(token, "{\"name\":\"" + unique("Perf") + "\"}");
        var r = post(token, "/api/v1/opportunities", "{\"name\":\"" + unique("Deal") + "\",\"customerId\":" + c + ",\"amount\":" + amount
                + ",\"currency\":\"" + currency + "\"}");
        assertThat(r).as(body(r)).hasStatus(201);
        long o = id(r, "$.id");
        if (closeAs != null) {
            var moved = post(token, "/api/v1/opportunities/" + o + "/stage", "{\"stageId\":" + stage(closeAs) + ",\"version\":0"
                    + (closeAs.equals("Lost") ? ",\"lossReason\":\"price\"" : "") + "}");
            assertThat(moved).as(body(moved)).hasStatusOk();
        }
        return o;
    }

    void activity(String token, String type) {
        long c = createCustomer(token, "{\"name\":\"" + unique("Act") + "\"}");
        assertThat(post(token, "/api/v1/activities", "{\"customerId\":" + c + ",\"type\":\"" + type + "\",\"subject\":\"s\"}")).hasStatus(201);
    }

    void target(long subject, String subjectType, String periodType, LocalDate start, String amount, int count) {
        var r = post(adminToken(), "/api/v1/targets", "{\"subjectType\":\"" + subjectType + "\",\"subjectId\":" + subject
                + ",\"periodType\":\"" + periodType + "\",\"periodStart\":\"" + start + "\",\"amount\":" + amount + ",\"wonCount\":" + count + "}");
        assertThat(r).as(body(r)).hasStatus(201);
    }

    Map<String, Object> row(String token, String query, String kind, long id) {
        var r = get(token, "/api/v1/performance?" + query);
        assertThat(r).as(body(r)).hasStatusOk();
        List<Map<String, Object>> rows = json(r, "$.rows[?(@.kind == '" + kind + "' && @.id == " + id + ")]");
        assertThat(rows).as(body(r)).hasSize(1);
        return rows.get(0);
    }

    String range() {
        return "from=" + today().minusDays(40) + "&to=" + today().plusDays(1);
    }

    @Test
    void countsWonLostLeadsActivitiesCycleAndTargetOfEachRep() {
        long slow = deal(tokenA, "300", "CNY", "Won");
        long slower = deal(tokenA, "200", "CNY", "Won");
        deal(tokenA, "50", "USD", "Won");
        deal(tokenA, "999", "CNY", "Lost");
        deal(tokenA, "777", "CNY", null);
        deal(tokenB, "1000", "CNY", "Won");
        // the won deals of A were opened 10 and 5 days before they were won
        jdbc.sql("update opportunities set created_at = closed_at - interval '10' day where id = :id").param("id", slow).update();
        jdbc.sql("update opportunities set created_at = closed_at - interval '5' day where id = :id").param("id", slower).update();
        activity(tokenA, "call");
        activity(tokenA, "call");
        activity(tokenA, "visit");
        var lead = post(tokenA, "/api/v1/leads", "{\"name\":\"Li Lei\",\"company\":\"" + unique("Lead Co") + "\"}");
        assertThat(lead).as(body(lead)).hasStatus(201);
        assertThat(post(tokenA, "/api/v1/leads", "{\"name\":\"Han Meimei\",\"company\":\"" + unique("Lead Co") + "\"}")).hasStatus(201);
        assertThat(post(tokenA, "/api/v1/leads/" + id(lead, "$.lead.id") + "/convert", "{}")).hasStatus(201);
        LocalDate month = today().withDayOfMonth(1);
        target(repA, "user", "month", month, "1000", 4);

        Map<String, Object> a = row(managerToken, range(), "user", repA);
        assertThat(a.get("wonAmount").toString()).isEqualTo("500.0");
        assertThat((Integer) a.get("wonCount")).isEqualTo(3);
        assertThat((Map<String, Object>) a.get("wonOtherCurrencies")).containsOnlyKeys("USD");
        assertThat((Integer) a.get("lostCount")).isEqualTo(1);
        assertThat(a.get("winRate").toString()).isEqualTo("75.0");
        assertThat(a.get("averageCycleDays").toString()).isEqualTo("5.0");
        assertThat((Integer) a.get("opportunitiesCreated")).isEqualTo(5);
        assertThat((Integer) a.get("leadsCreated")).isEqualTo(2);
        assertThat((Integer) a.get("leadsConverted")).isEqualTo(1);
        assertThat(a.get("leadConversion").toString()).isEqualTo("50.0");
        assertThat((Map<String, Object>) a.get("activities")).containsEntry("call", 2).containsEntry("visit", 1);

        Map<String, Object> monthly = row(managerToken, "period=month", "user", repA);
        assertThat(monthly.get("target").toString()).isEqualTo("1000.0");
        assertThat((Integer) monthly.get("targetWonCount")).isEqualTo(4);
        assertThat(monthly.get("attainment").toString()).isEqualTo("50.0");

        var all = get(managerToken, "/api/v1/performance?" + range());
        List<Number> ids = json(all, "$.rows[*].id");
        assertThat(ids.stream().map(Number::longValue).toList()).containsExactlyInAnyOrder(manager, repA, repB);
        List<Number> ranks = json(all, "$.rows[*].rank");
        assertThat(ranks.stream().map(Number::intValue).toList()).containsExactly(1, 2, 3);
        List<String> names = json(all, "$.rows[*].kind");
        assertThat(names).containsOnly("user");
        assertThat(json(all, "$.rows[0].id").toString()).isEqualTo(String.valueOf(repB));
        assertThat(json(all, "$.totals.wonAmount").toString()).isEqualTo("1500.0");
        assertThat((Integer) json(all, "$.totals.wonCount")).isEqualTo(4);
    }

    @Test
    void aQuarterAddsUpTheMonthTargetsUnlessThereIsAQuarterTarget() {
        LocalDate quarter = PerformancePeriod.align(TargetPeriod.QUARTER, today());
        for (int i = 0; i < 3; i++) {
            target(repA, "user", "month", quarter.plusMonths(i), "1000", 1);
        }
        target(repB, "user", "month", quarter, "400", 1);
        target(repB, "user", "quarter", quarter, "5000", 5);
        target(region, "department", "quarter", quarter, "20000", 10);
        String q = "period=quarter&start=" + quarter;
        assertThat(row(managerToken, q, "user", repA).get("target").toString()).isEqualTo("3000.0");
        assertThat(row(managerToken, q, "user", repB).get("target").toString()).isEqualTo("5000.0");
        // a department's own target; without one, its people's added up
        assertThat(row(managerToken, q + "&groupBy=department", "department", region).get("target").toString()).isEqualTo("20000.0");
        assertThat(row(managerToken, q + "&groupBy=department", "department", team).get("target").toString()).isEqualTo("3000.0");
        assertThat(json(get(managerToken, "/api/v1/performance?" + q), "$.totals.target").toString()).isEqualTo("8000.0");
    }

    @Test
    void departmentsAddUpTheirSubtree() {
        deal(tokenA, "300", "CNY", "Won");
        deal(tokenB, "1000", "CNY", "Won");
        activity(tokenB, "meeting");
        Map<String, Object> r = row(managerToken, range() + "&groupBy=department", "department", region);
        assertThat(r.get("wonAmount").toString()).isEqualTo("1300.0");
        assertThat((Map<String, Object>) r.get("activities")).containsEntry("meeting", 1);
        assertThat(row(managerToken, range() + "&groupBy=department", "department", team).get("wonAmount").toString()).isEqualTo("300.0");
    }

    @Test
    void aRepSeesOnlyThemselvesAndAManagerOnlyTheirSubtree() {
        deal(tokenA, "300", "CNY", "Won");
        deal(outsiderToken, "5000", "CNY", "Won");
        var mine = get(tokenA, "/api/v1/performance?" + range());
        List<Number> ids = json(mine, "$.rows[*].id");
        assertThat(ids.stream().map(Number::longValue).toList()).containsExactly(repA);
        assertThat(json(mine, "$.totals.wonAmount").toString()).isEqualTo("300.0");

        var managers = get(managerToken, "/api/v1/performance?" + range() + "&groupBy=department");
        List<Number> departments = json(managers, "$.rows[*].id");
        assertThat(departments.stream().map(Number::longValue).toList()).contains(region, team).doesNotContain(other, 1L);
        List<Number> users = json(get(managerToken, "/api/v1/performance?" + range()), "$.rows[*].id");
        assertThat(users.stream().map(Number::longValue).toList()).doesNotContain(outsider);

        List<Number> admins = json(get(adminToken(), "/api/v1/performance?" + range() + "&groupBy=department"), "$.rows[*].id");
        assertThat(admins.stream().map(Number::longValue).toList()).contains(1L, region, team, other);
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        var r = get(adminToken(), "/api/v1/performance?period=week");
        assertThat(r).hasStatus(400);
        assertThat((List<String>) json(r, "$.errors[*].field")).containsExactly("period");
        var range = get(adminToken(), "/api/v1/performance?from=2026-05-01&to=2026-04-01");
        assertThat((List<String>) json(range, "$.errors[*].field")).containsExactly("to");
        var date = get(adminToken(), "/api/v1/performance?from=yesterday&to=2026-04-01");
        assertThat((List<String>) json(date, "$.errors[*].field")).containsExactly("from");
        var sort = get(adminToken(), "/api/v1/performance?sort=salary&groupBy=team");
        assertThat((List<String>) json(sort, "$.errors[*].field")).containsExactlyInAnyOrder("sort", "groupBy");
        var zh = mvc.get().uri("/api/v1/performance?period=week").header("Authorization", "Bearer " + adminToken())
                .header("Accept-Language", "zh-CN").exchange();
        assertThat(body(zh)).contains("必须是月、季度或年");
    }

    @Test
    void sortsByAWhitelistedColumnAndExportsCsv() {
        deal(tokenA, "300", "CNY", "Won");
        deal(tokenA, "300", "CNY", "Lost");
        deal(tokenB, "1000", "CNY", "Won");
        var byWinRate = get(managerToken, "/api/v1/performance?" + range() + "&sort=winRate&dir=asc");
        List<Number> ids = json(byWinRate, "$.rows[*].id");
        // A 50%, B 100%, the manager closed nothing (no rate: last)
        assertThat(ids.stream().map(Number::longValue).toList()).containsExactly(repA, repB, manager);
        var csv = get(managerToken, "/api/v1/performance/export?" + range());
        assertThat(csv).hasStatusOk();
        assertThat(body(csv)).contains("rank,kind,id,name,wonAmount").contains("1000.00").contains("total");
    }
}
