package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

@Import(OrderApiTest.Clocks.class)
class OrderApiTest extends ApiTestSupport {

    static final Instant START = Instant.parse("2026-06-15T08:00:00Z");

    /** A clock the test moves forward to make instalments fall due. */
    static class TestClock extends Clock {
        volatile Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.now = START;
    }

    /** A JSON value as text; numbers as plain decimals with cents (JSON has no scale). */
    private static String value(org.springframework.test.web.servlet.assertj.MvcTestResult r, String path) {
        Object v = json(r, path);
        return v instanceof Number ? new java.math.BigDecimal(v.toString()).setScale(2).toPlainString() : String.valueOf(v);
    }

    private String rep() {
        String email = unique("rep") + "@test.local";
        createUser(email, "sales-rep", 1, null);
        return token(email, "password-123");
    }

    private long order(String token, long customer, String date, String linesOrTotal) {
        var r = post(token, "/api/v1/orders", "{\"customerId\":" + customer + ",\"orderDate\":\"" + date + "\"," + linesOrTotal + "}");
        assertThat(r).as(body(r)).hasStatus(201);
        return id(r, "$.id");
    }

    private void confirm(String token, long order) {
        var r = post(token, "/api/v1/orders/" + order + "/confirm", "{}");
        assertThat(r).as(body(r)).hasStatus(200);
    }

    @Test
    void anOrderFromLinesGetsANumberAndTotalsComputedWithRounding() {
        String token = rep();
        long c = createCustomer(token, "{\"name\":\"" + unique("Lines") + "\"}");
        var r = post(token, "/api/v1/orders", "{\"customerId\":" + c + ",\"currency\":\"cny\",\"lines\":["
                + "{\"description\":\"Widget\",\"quantity\":3,\"unitPrice\":3.335,\"discount\":10,\"taxRate\":13},"
                + "{\"productId\":42,\"description\":\"Service\",\"quantity\":1.5,\"unitPrice\":0.333}]}");
        assertThat(r).as(body(r)).hasStatus(201);
        assertThat((String) json(r, "$.number")).matches("SO-2026-\\d{6}");
        assertThat((String) json(r, "$.currency")).isEqualTo("CNY");
        assertThat(value(r, "$.total")).isEqualTo("10.68");
        assertThat(value(r, "$.taxTotal")).isEqualTo("1.17");
        assertThat((List<?>) json(r, "$.lines")).hasSize(2);
        assertThat((String) json(r, "$.status")).isEqualTo("draft");
        assertThat(get(token, "/api/v1/orders?customerId=" + c)).bodyJson().extractingPath("$.items[0].number")
                .isEqualTo(json(r, "$.number"));
    }

    @Test
    void aCustomersOrdersListByOrderDateAcrossPagesWhenAskedAndTheCustomerPageShowsThemSo() throws Exception {
        String token = rep();
        long c = createCustomer(token, "{\"name\":\"" + unique("History") + "\"}");
        // entered out of date order, as an import of years of history would
        long mid = order(token, c, "2025-06-01", "\"total\":20");
        long newest = order(token, c, "2026-01-15", "\"total\":30");
        long oldest = order(token, c, "2023-02-01", "\"total\":10");
        long sameDay = order(token, c, "2025-06-01", "\"total\":25");
        var first = get(token, "/api/v1/orders?customerId=" + c + "&sort=-date&limit=2");
        assertThat(first).hasStatusOk();
        assertThat(ids(first, "$.items[*].id")).containsExactly(newest, sameDay);
        var second = get(token, "/api/v1/orders?customerId=" + c + "&sort=-date&limit=2&cursor=" + json(first, "$.next"));
        assertThat(ids(second, "$.items[*].id")).containsExactly(mid, oldest);
        // the default stays newest entered first
        assertThat(ids(get(token, "/api/v1/orders?customerId=" + c), "$.items[*].id")).containsExactly(sameDay, oldest, newest, mid);
        assertThat(get(token, "/api/v1/orders?customerId=" + c + "&sort=total")).hasStatus(400);
        String page = mvc.get().uri("/customers/" + c + "/orders").header("Authorization", "Bearer " + token).exchange()
                .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page.indexOf("2026-01-15")).isPositive().isLessThan(page.indexOf("2025-06-01"));
        assertThat(page.indexOf("2025-06-01")).isLessThan(page.indexOf("2023-02-01"));
    }

    private static List<Long> ids(org.springframework.test.web.servlet.assertj.MvcTestResult r, String path) {
        List<Number> raw = json(r, path);
        return raw.stream().map(Number::longValue).toList();
    }

    @Test
    void badLinesAreRefusedWithFieldMessages() {
        String token = rep();
        long c = createCustomer(token, "{\"name\":\"" + unique("Bad") + "\"}");
        var r = mvc.post().uri("/api/v1/orders").header("Authorization", "Bearer " + token).header("Accept-Language", "zh-CN")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"customerId\":" + c + ",\"currency\":\"XXY\",\"lines\":[{\"description\":\"\",\"quantity\":-1,\"unitPrice\":1}]}").exchange();
        assertThat(r).hasStatus(400);
        assertThat(body(r)).contains("lines[0].quantity").contains("lines[0].description").contains("currency");
    }

    @Test
    void confirmingTheFirstOrderMakesAPotentialCustomerCurrentAndLabelsRepeatAndLoyalBuyers() {
        String token = rep();
        long c = createCustomer(token, "{\"name\":\"" + unique("Buyer") + "\",\"status\":\"potential\"}");
        long o1 = order(token, c, "2024-03-01", "\"total\":100");
        assertThat(get(token, "/api/v1/customers/" + c)).bodyJson().extractingPath("$.status").isEqualTo("potential");
        confirm(token, o1);
        assertThat(get(token, "/api/v1/customers/" + c)).bodyJson().extractingPath("$.status").isEqualTo("current");
        assertThat(get(token, "/api/v1/customers/" + c + "/receivables")).bodyJson().extractingPath("$.buyerLabel").isEqualTo("first-time");
        confirm(token, order(token, c, "2025-03-01", "\"total\":100"));
        assertThat(get(token, "/api/v1/customers/" + c + "/receivables")).bodyJson().extractingPath("$.buyerLabel").isEqualTo("repeat");
        // a draft does not count; a third distinct year makes a loyal buyer
        order(token, c, "2026-01-01", "\"total\":100");
        assertThat(get(token, "/api/v1/customers/" + c + "/receivables")).bodyJson().extractingPath("$.buyerLabel").isEqualTo("repeat");
        confirm(token, order(token, c, "2026-02-01", "\"total\":100"));
        assertThat(get(token, "/api/v1/customers/" + c + "/receivables")).bodyJson().extractingPath("$.buyerLabel").isEqualTo("loyal");
    }

    @Test
    void paymentsAreAllocatedToTheOldestInstalmentsAndOverdueFollowsTheClock() {
        String token = rep();
        long c = createCustomer(token, "{\"name\":\"" + unique("Payer") + "\"}");
        long o = order(token, c, "2026-06-01", "\"total\":1000.00");
        var plan = mvc.put().uri("/api/v1/orders/" + o + "/payment-plan").header("Authorization", "Bearer " + token)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"version\":0,\"instalments\":[{\"dueOn\":\"2026-07-01\",\"amount\":400},{\"dueOn\":\"2026-06-20\",\"amount\":600}]}").exchange();
        assertThat(plan).as(body(plan)).hasStatus(200);
        confirm(token, o);
        var r = post(token, "/api/v1/payments", "{\"orderId\":" + o + ",\"amount\":700,\"receivedOn\":\"2026-06-15\",\"method\":\"alipay\",\"reference\":\"TX-1\"}");
        assertThat(r).as(body(r)).hasStatus(201);
        var p = get(token, "/api/v1/orders/" + o + "/payment-plan");
        assertThat(value(p, "$.instalments[0].dueOn")).isEqualTo("2026-06-20");
        assertThat(value(p, "$.instalments[0].paid")).isEqualTo("600.00");
        assertThat(value(p, "$.instalments[1].paid")).isEqualTo("100.00");
        assertThat(value(p, "$.receivable")).isEqualTo("300.00");
        assertThat(value(p, "$.overdue")).isEqualTo("0.00");
        clock.now = Instant.parse("2026-07-05T00:00:00Z");
        p = get(token, "/api/v1/orders/" + o + "/payment-plan");
        assertThat(value(p, "$.overdue")).isEqualTo("300.00");
        var overview = get(token, "/api/v1/customers/" + c + "/receivables");
        assertThat(value(overview, "$.amounts[0].receivable")).isEqualTo("300.00");
        assertThat(value(overview, "$.amounts[0].overdue")).isEqualTo("300.00");
        assertThat(value(overview, "$.amounts[0].oldestDueOn")).isEqualTo("2026-07-01");
        // overdue only 4 days: not yet risky (grace of 30 days)
        assertThat((List<?>) json(overview, "$.risk.reasons")).isEmpty();
        assertThat(body(get(token, "/api/v1/receivables"))).contains("\"customerId\":" + c);
        // paying more than owed is refused; paying the rest settles it
        assertThat(post(token, "/api/v1/payments", "{\"orderId\":" + o + ",\"amount\":300.01}")).hasStatus(400);
        assertThat(post(token, "/api/v1/payments", "{\"orderId\":" + o + ",\"amount\":300}")).hasStatus(201);
        overview = get(token, "/api/v1/customers/" + c + "/receivables");
        assertThat((List<?>) json(overview, "$.amounts")).isEmpty();
        assertThat(body(get(token, "/api/v1/receivables"))).doesNotContain("\"customerId\":" + c + ",");
    }

    @Test
    void theRiskFlagSaysWhy() {
        String token = rep();
        long c = createCustomer(adminToken(), "{\"name\":\"" + unique("Risky") + "\"}");
        var terms = put(adminToken(), "/api/v1/customers/" + c + "/credit-terms",
                "{\"paymentTermDays\":120,\"creditLimit\":500,\"currency\":\"CNY\"}", null);
        assertThat(terms).as(body(terms)).hasStatus(200);
        assertThat(value(get(adminToken(), "/api/v1/customers/" + c + "/receivables"), "$.risk.reasons")).contains("long-terms");
        long o = order(adminToken(), c, "2026-05-01", "\"total\":800");
        confirm(adminToken(), o);
        var risk = get(adminToken(), "/api/v1/customers/" + c + "/receivables");
        assertThat((List<String>) json(risk, "$.risk.reasons")).containsExactly("long-terms", "over-limit");
        // due 2026-08-29 (120 days after the order); more than 30 days overdue on 2026-10-15
        var shorter = put(adminToken(), "/api/v1/customers/" + c + "/credit-terms",
                "{\"paymentTermDays\":30,\"creditLimit\":1000,\"currency\":\"CNY\",\"version\":0}", null);
        assertThat(shorter).as(body(shorter)).hasStatus(200);
        assertThat((List<?>) json(get(adminToken(), "/api/v1/customers/" + c + "/receivables"), "$.risk.reasons")).isEmpty();
        clock.now = Instant.parse("2026-10-15T00:00:00Z");
        assertThat((List<String>) json(get(adminToken(), "/api/v1/customers/" + c + "/receivables"), "$.risk.reasons")).containsExactly("overdue");
        // a sales rep (own records only) may not set terms
        long mine = createCustomer(token, "{\"name\":\"" + unique("Mine") + "\"}");
        assertThat(put(token, "/api/v1/customers/" + mine + "/credit-terms", "{\"paymentTermDays\":10}", null)).hasStatus(403);
    }

    @Test
    void anotherRepsOrderIsNotFoundAndAStaleVersionIsAConflict() {
        String a = rep();
        String b = rep();
        long c = createCustomer(a, "{\"name\":\"" + unique("Scoped") + "\"}");
        long o = order(a, c, "2026-06-01", "\"total\":50");
        assertThat(get(b, "/api/v1/orders/" + o)).hasStatus(404);
        assertThat(get(b, "/api/v1/orders/" + o + "/payment-plan")).hasStatus(404);
        assertThat(post(b, "/api/v1/payments", "{\"orderId\":" + o + ",\"amount\":1}")).hasStatus(404);
        assertThat(body(get(b, "/api/v1/orders"))).doesNotContain("\"id\":" + o + ",");
        String json = "{\"customerId\":" + c + ",\"total\":60,\"version\":0}";
        assertThat(put(a, "/api/v1/orders/" + o, json, null)).hasStatus(200);
        assertThat(put(a, "/api/v1/orders/" + o, json, null)).hasStatus(409);
        assertThat(put(a, "/api/v1/orders/" + o, "{\"customerId\":" + c + ",\"total\":70}", "\"0\"")).hasStatus(412);
    }

    @Test
    void anEditThatNamesNoOwnerKeepsTheOrdersOwner() {
        String email = unique("rep") + "@test.local";
        long repId = createUser(email, "sales-rep", 1, null);
        String rep = token(email, "password-123");
        long c = createCustomer(rep, "{\"name\":\"" + unique("Kept") + "\"}");
        long o = order(rep, c, "2026-06-01", "\"total\":50");
        // the administrator corrects the total; the rep keeps the order (it was handed to the editor before)
        var r = put(adminToken(), "/api/v1/orders/" + o, "{\"customerId\":" + c + ",\"total\":55,\"version\":0}", null);
        assertThat(r).as(body(r)).hasStatus(200);
        assertThat(((Number) json(r, "$.ownerId")).longValue()).isEqualTo(repId);
        assertThat(get(rep, "/api/v1/orders/" + o)).hasStatusOk();
    }

    @Test
    void contractsMoveFromDraftToActiveAndCarryTheirOwnPlan() {
        String token = rep();
        long c = createCustomer(token, "{\"name\":\"" + unique("Contract") + "\"}");
        var r = post(token, "/api/v1/contracts", "{\"customerId\":" + c + ",\"title\":\"Annual support\",\"amount\":1200,"
                + "\"startDate\":\"2026-06-01\",\"endDate\":\"2027-05-31\",\"signedOn\":\"2026-05-20\"}");
        assertThat(r).as(body(r)).hasStatus(201);
        long k = id(r, "$.id");
        assertThat((String) json(r, "$.number")).matches("CT-2026-\\d{6}");
        assertThat(post(token, "/api/v1/contracts/" + k + "/status", "{\"status\":\"active\"}")).hasStatus(200);
        var plan = get(token, "/api/v1/contracts/" + k + "/payment-plan");
        assertThat(value(plan, "$.instalments[0].dueOn")).isEqualTo("2026-06-19");
        assertThat(post(token, "/api/v1/payments", "{\"contractId\":" + k + ",\"amount\":200}")).hasStatus(201);
        assertThat(value(get(token, "/api/v1/customers/" + c + "/receivables"), "$.amounts[0].receivable")).isEqualTo("1000.00");
        assertThat(post(token, "/api/v1/contracts/" + k + "/status", "{\"status\":\"draft\"}")).hasStatus(400);
    }

    @Test
    void theApiDescriptionDocumentsThePlanChoiceOfADraftOrderAndThePerCustomerReleaseResults() {
        var docs = get(adminToken(), "/v3/api-docs");
        assertThat(docs).hasStatusOk();
        String text = body(docs);
        assertThat(text).contains("planAdjustment").contains("A draft with a payment plan keeps the plan")
                .contains("/api/v1/orders/{id}/history")
                .contains("released, inPool (already in a pool), noPool (no pool to go to), poolHidden");
    }
}
