package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.rapport.ApiTestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The board's per-day rollup of closed deals stays equal to the deals themselves through every kind of change. */
class OpportunityClosedTotalsTest extends ApiTestSupport {

    @Autowired
    JdbcClient jdbc;

    long stage(String name) {
        List<Number> ids = json(get(adminToken(), "/api/v1/pipelines"), "$[0].stages[?(@.name == '" + name + "')].id");
        return ids.get(0).longValue();
    }

    long deal(String token, long customer, String amount) {
        return deal(token, customer, amount, unique("Deal"));
    }

    long deal(String token, long customer, String amount, String name) {
        var r = post(token, "/api/v1/opportunities", "{\"name\":\"" + name + "\",\"customerId\":" + customer + ",\"amount\":" + amount + "}");
        assertThat(r).as(body(r)).hasStatus(201);
        return id(r, "$.id");
    }

    long move(String token, long id, long version, String stage, String reason) {
        var r = post(token, "/api/v1/opportunities/" + id + "/stage", "{\"stageId\":" + stage(stage) + ",\"version\":" + version
                + (reason == null ? "" : ",\"lossReason\":\"" + reason + "\"") + "}");
        assertThat(r).as(body(r)).hasStatusOk();
        return ((Number) json(r, "$.version")).longValue();
    }

    /** Every rollup row against a live GROUP BY over the closed deals, both ways. */
    void rollupMatchesTheDeals() {
        String key = "pipeline_id || '/' || cast(closed_on as varchar(10)) || '/' || stage_id || '/' || owner_id || '/' || currency";
        List<Map<String, Object>> rollup = jdbc.sql("select " + key + " as k, n, amount from opportunity_closed_totals where n <> 0 order by k")
                .query().listOfRows();
        List<Map<String, Object>> live = jdbc.sql("""
                select k, count(*) as n, sum(amount) as amount from (
                  select pipeline_id || '/' || cast(cast((closed_at at time zone 'UTC') as date) as varchar(10)) || '/' || stage_id
                         || '/' || owner_id || '/' || currency as k, amount
                  from opportunities where closed_at is not null) x
                group by k order by k""").query().listOfRows();
        assertThat(rollup).hasSameSizeAs(live);
        for (int i = 0; i < live.size(); i++) {
            assertThat(rollup.get(i).get("k")).isEqualTo(live.get(i).get("k"));
            assertThat(((Number) rollup.get(i).get("n")).longValue()).as("count of " + live.get(i).get("k"))
                    .isEqualTo(((Number) live.get(i).get("n")).longValue());
            assertThat(new java.math.BigDecimal(rollup.get(i).get("amount").toString()))
                    .isEqualByComparingTo(new java.math.BigDecimal(live.get(i).get("amount").toString()));
        }
    }

    @Test
    void theRollupFollowsWinsLossesReopeningEditsOwnerChangesAndDeletes() {
        String email = unique("rep") + "@test.local";
        long rep = createUser(email, "sales-rep", 1, null);
        long other = createUser(unique("rep") + "@test.local", "sales-rep", 1, null);
        String token = token(email, "password-123");
        long c = createCustomer(token, "{\"name\":\"" + unique("Rollup") + "\"}");
        long a = deal(token, c, "100");
        long b = deal(token, c, "200");
        long d = deal(token, c, "300");
        rollupMatchesTheDeals();

        long va = move(token, a, 0, "Won", null);
        long vb = move(token, b, 0, "Lost", "price");
        long vd = move(token, d, 0, "Won", null);
        rollupMatchesTheDeals();
        String board = body(mvc.get().uri("/opportunities/board?lang=en&owner=" + rep).with(user(email)).exchange());
        assertThat(board).contains("CNY 400.00").contains("CNY 200.00");

        var edited = patch(adminToken(), "/api/v1/opportunities/" + a, "{\"amount\":150,\"ownerId\":" + other + ",\"version\":" + va + "}");
        assertThat(edited).as(body(edited)).hasStatusOk();
        rollupMatchesTheDeals();
        board = body(mvc.get().uri("/opportunities/board?lang=en&owner=" + rep).with(user(email)).exchange());
        assertThat(board).contains("CNY 300.00").doesNotContain("CNY 400.00");

        move(token, b, vb, "Proposal", null);
        rollupMatchesTheDeals();

        assertThat(delete(adminToken(), "/api/v1/opportunities/" + d)).hasStatus(204);
        rollupMatchesTheDeals();

        assertThat(delete(adminToken(), "/api/v1/customers/" + c)).hasStatus(204);
        rollupMatchesTheDeals();
        assertThat(jdbc.sql("select count(*) from opportunity_closed_totals where owner_id in (:o)").param("o", List.of(rep, other))
                .query(Long.class).single()).isZero();
    }

    @Test
    void aFilteredBoardTotalsTheClosedDealsFromTheDealsThemselves() {
        String email = unique("rep") + "@test.local";
        long rep = createUser(email, "sales-rep", 1, null);
        String token = token(email, "password-123");
        long c = createCustomer(token, "{\"name\":\"" + unique("Filtered") + "\"}");
        String word = unique("bigdeal");
        move(token, deal(token, c, "1000", word + " one"), 0, "Won", null);
        move(token, deal(token, c, "50", "small one"), 0, "Won", null);
        String all = body(mvc.get().uri("/opportunities/board?lang=en&owner=" + rep).with(user(email)).exchange());
        assertThat(all).contains("CNY 1,050.00");
        String big = body(mvc.get().uri("/opportunities/board?lang=en&q=" + word + "&owner=" + rep).with(user(email)).exchange());
        assertThat(big).contains("CNY 1,000.00").doesNotContain("CNY 1,050.00");
    }

    @Test
    void removingAWonStageMovesItsDealsInTheRollup() {
        var r = post(adminToken(), "/api/v1/pipelines", "{\"name\":\"" + unique("Two wins") + "\",\"stages\":["
                + "{\"name\":\"Talk\",\"probability\":20,\"kind\":\"open\"},{\"name\":\"Signed\",\"probability\":100,\"kind\":\"won\"},"
                + "{\"name\":\"Paid\",\"probability\":100,\"kind\":\"won\"},{\"name\":\"Dropped\",\"probability\":0,\"kind\":\"lost\"}]}");
        assertThat(r).as(body(r)).hasStatus(201);
        long p = id(r, "$.id");
        List<Number> signed = json(get(adminToken(), "/api/v1/pipelines/" + p), "$.stages[?(@.name == 'Signed')].id");
        List<Number> paid = json(get(adminToken(), "/api/v1/pipelines/" + p), "$.stages[?(@.name == 'Paid')].id");
        long c = createCustomer(adminToken(), "{\"name\":\"" + unique("Twice") + "\"}");
        for (String amount : List.of("70", "30")) {
            long o = id(post(adminToken(), "/api/v1/opportunities", "{\"name\":\"" + unique("Deal") + "\",\"customerId\":" + c
                    + ",\"pipelineId\":" + p + ",\"amount\":" + amount + "}"), "$.id");
            assertThat(post(adminToken(), "/api/v1/opportunities/" + o + "/stage", "{\"stageId\":" + signed.get(0) + ",\"version\":0}"))
                    .hasStatusOk();
        }
        rollupMatchesTheDeals();
        assertThat(delete(adminToken(), "/api/v1/pipelines/" + p + "/stages/" + signed.get(0) + "?moveTo=" + paid.get(0))).hasStatusOk();
        rollupMatchesTheDeals();
        assertThat(jdbc.sql("select sum(amount) from opportunity_closed_totals where stage_id = :s").param("s", paid.get(0))
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("100");
    }

    @Test
    void productLinesChangingAWonDealsAmountMoveItsTotal() {
        var product = post(adminToken(), "/api/v1/products", "{\"sku\":\"" + unique("ROLL") + "\",\"name\":\"rollup\",\"unit\":\"pc\"}");
        assertThat(product).as(body(product)).hasStatus(201);
        long p = id(product, "$.id");
        long c = createCustomer(adminToken(), "{\"name\":\"" + unique("Lines") + "\"}");
        long o = deal(adminToken(), c, "10");
        long v = move(adminToken(), o, 0, "Won", null);
        var r = put(adminToken(), "/api/v1/opportunities/" + o + "/products", "{\"priceBookId\":0,\"version\":" + v
                + ",\"lines\":[{\"productId\":" + p + ",\"quantity\":2,\"unitPrice\":250}]}", null);
        if (r.getResponse().getStatus() == 200) {
            assertThat(json(r, "$.amount").toString()).isEqualTo("500.0");
        } else {
            assertThat(r).as("lines on a won deal are either taken or refused, never half written").hasStatus(400);
        }
        rollupMatchesTheDeals();
    }
}
