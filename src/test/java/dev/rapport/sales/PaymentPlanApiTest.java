package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Revising a payment plan after payments came in: payments stay on their instalments, nothing drops below what was paid. */
class PaymentPlanApiTest extends ApiTestSupport {

    @Autowired JdbcClient jdbc;

    private static String money(MvcTestResult r, String path) {
        return new BigDecimal(json(r, path).toString()).setScale(2).toPlainString();
    }

    private String rep() {
        String email = unique("planner") + "@test.local";
        createUser(email, "sales-rep", 1, null);
        return token(email, "password-123");
    }

    private long confirmedOrder(String token, String total) {
        long c = createCustomer(token, "{\"name\":\"" + unique("Plan") + "\"}");
        var r = post(token, "/api/v1/orders", "{\"customerId\":" + c + ",\"orderDate\":\"2026-03-01\",\"total\":" + total + "}");
        assertThat(r).as(body(r)).hasStatus(201);
        long o = id(r, "$.id");
        assertThat(post(token, "/api/v1/orders/" + o + "/confirm", "{}")).hasStatus(200);
        return o;
    }

    private long version(String token, String uri) {
        return ((Number) json(get(token, uri), "$.version")).longValue();
    }

    @Test
    void aPaidInstalmentIsKeptWithItsPaymentWhenThePlanIsSplitAfterwards() {
        String token = rep();
        long o = confirmedOrder(token, "1000");
        assertThat(post(token, "/api/v1/payments", "{\"orderId\":" + o + ",\"amount\":300,\"receivedOn\":\"2026-03-05\"}")).hasStatus(201);
        String uri = "/api/v1/orders/" + o + "/payment-plan";
        long first = id(get(token, uri), "$.instalments[0].id");

        var split = put(token, uri, "{\"version\":" + version(token, uri) + ",\"instalments\":[{\"dueOn\":\"2026-09-30\",\"amount\":400},"
                + "{\"id\":" + first + ",\"dueOn\":\"2026-04-30\",\"amount\":300},{\"dueOn\":\"2026-06-30\",\"amount\":300}]}", null);
        assertThat(split).as(body(split)).hasStatus(200);
        assertThat(id(split, "$.instalments[0].id")).isEqualTo(first);
        assertThat(money(split, "$.instalments[0].paid")).isEqualTo("300.00");
        assertThat(money(split, "$.instalments[0].open")).isEqualTo("0.00");
        assertThat(json(split, "$.instalments[1].dueOn").toString()).isEqualTo("2026-06-30");
        assertThat(money(split, "$.instalments[2].open")).isEqualTo("400.00");
        assertThat(money(split, "$.receivable")).isEqualTo("700.00");
        // a payment now goes to the chosen instalment first
        long last = id(split, "$.instalments[2].id");
        assertThat(post(token, "/api/v1/payments", "{\"orderId\":" + o + ",\"instalmentId\":" + last + ",\"amount\":100}")).hasStatus(201);
        var after = get(token, uri);
        assertThat(money(after, "$.instalments[2].paid")).isEqualTo("100.00");
        assertThat(money(after, "$.instalments[1].paid")).isEqualTo("0.00");
        assertThat(money(get(token, "/api/v1/customers/" + json(get(token, "/api/v1/orders/" + o), "$.customerId") + "/receivables"),
                "$.amounts[0].receivable")).isEqualTo("600.00");
    }

    @Test
    void aPlanMayNotGoBelowWhatWasPaidNorDropAPaidInstalmentNorMissTheTotal() {
        String token = rep();
        long o = confirmedOrder(token, "500");
        assertThat(post(token, "/api/v1/payments", "{\"orderId\":" + o + ",\"amount\":200}")).hasStatus(201);
        String uri = "/api/v1/orders/" + o + "/payment-plan";
        long first = id(get(token, uri), "$.instalments[0].id");
        long v = version(token, uri);

        var below = put(token, uri, "{\"version\":" + v + ",\"instalments\":[{\"id\":" + first + ",\"dueOn\":\"2026-04-01\",\"amount\":150},"
                + "{\"dueOn\":\"2026-05-01\",\"amount\":350}]}", null);
        assertThat(below).hasStatus(400);
        assertThat(body(below)).contains("instalments[0].amount");
        var dropped = put(token, uri, "{\"version\":" + v + ",\"instalments\":[{\"dueOn\":\"2026-05-01\",\"amount\":500}]}", null);
        assertThat(dropped).hasStatus(400);
        assertThat(body(dropped)).contains("\"instalments\"");
        var sum = put(token, uri, "{\"version\":" + v + ",\"instalments\":[{\"id\":" + first + ",\"dueOn\":\"2026-04-01\",\"amount\":200},"
                + "{\"dueOn\":\"2026-05-01\",\"amount\":200}]}", null);
        assertThat(sum).hasStatus(400);
        assertThat(body(sum)).contains("400.00");
        var foreign = put(token, uri, "{\"version\":" + v + ",\"instalments\":[{\"id\":" + first + ",\"dueOn\":\"2026-04-01\",\"amount\":200},"
                + "{\"id\":999999999,\"dueOn\":\"2026-05-01\",\"amount\":300}]}", null);
        assertThat(body(foreign)).contains("instalments[1].id");
        // nothing was written: the plan and version are as before
        assertThat(version(token, uri)).isEqualTo(v);
        var stale = put(token, uri, "{\"version\":" + (v - 1) + ",\"instalments\":[{\"id\":" + first + ",\"dueOn\":\"2026-04-01\",\"amount\":500}]}", null);
        assertThat(stale).hasStatus(409);
        var ok = put(token, uri, "{\"version\":" + v + ",\"instalments\":[{\"id\":" + first + ",\"dueOn\":\"2026-04-01\",\"amount\":500}]}", null);
        assertThat(ok).as(body(ok)).hasStatus(200);
        assertThat(money(ok, "$.instalments[0].open")).isEqualTo("300.00");
    }

    @Test
    void aCancelledOrdersPlanAndAContractPaidThroughAnOrderCannotBeChanged() {
        String token = rep();
        long c = createCustomer(token, "{\"name\":\"" + unique("Cancel") + "\"}");
        long o = id(post(token, "/api/v1/orders", "{\"customerId\":" + c + ",\"total\":80}"), "$.id");
        assertThat(post(token, "/api/v1/orders/" + o + "/cancel", "{}")).hasStatus(200);
        String uri = "/api/v1/orders/" + o + "/payment-plan";
        var refused = put(token, uri, "{\"version\":" + version(token, uri) + ",\"instalments\":[{\"dueOn\":\"2026-04-01\",\"amount\":80}]}", null);
        assertThat(refused).hasStatus(400);
        assertThat(body(refused)).contains("instalments");

        long o2 = confirmedOrder(token, "90");
        long c2 = ((Number) json(get(token, "/api/v1/orders/" + o2), "$.customerId")).longValue();
        long k = id(post(token, "/api/v1/contracts", "{\"customerId\":" + c2 + ",\"title\":\"Supply\",\"amount\":90,\"orderId\":" + o2 + "}"), "$.id");
        String kUri = "/api/v1/contracts/" + k + "/payment-plan";
        assertThat(put(token, kUri, "{\"version\":0,\"instalments\":[{\"dueOn\":\"2026-04-01\",\"amount\":90}]}", null)).hasStatus(400);
        assertThat(body(get(token, "/api/v1/contracts?customerId=" + c2))).contains("\"orderId\":" + o2);
    }

    @Test
    void aContractOnItsOwnTakesAPlanInInstalmentsAndPaymentsToAChosenOne() {
        String token = rep();
        long c = createCustomer(token, "{\"name\":\"" + unique("Lease") + "\"}");
        long k = id(post(token, "/api/v1/contracts", "{\"customerId\":" + c + ",\"title\":\"Lease\",\"amount\":1200}"), "$.id");
        String uri = "/api/v1/contracts/" + k + "/payment-plan";
        var plan = put(token, uri, "{\"version\":0,\"instalments\":[{\"dueOn\":\"2026-01-31\",\"amount\":400},"
                + "{\"dueOn\":\"2026-02-28\",\"amount\":400},{\"dueOn\":\"2026-03-31\",\"amount\":400}]}", null);
        assertThat(plan).as(body(plan)).hasStatus(200);
        assertThat(post(token, "/api/v1/contracts/" + k + "/status", "{\"status\":\"active\"}")).hasStatus(200);
        long third = id(get(token, uri), "$.instalments[2].id");
        assertThat(post(token, "/api/v1/payments", "{\"contractId\":" + k + ",\"instalmentId\":" + third + ",\"amount\":500}")).hasStatus(201);
        var after = get(token, uri);
        assertThat(money(after, "$.instalments[2].paid")).isEqualTo("400.00");
        assertThat(money(after, "$.instalments[0].paid")).isEqualTo("100.00");
        assertThat(money(after, "$.receivable")).isEqualTo("700.00");
    }

    private MvcTestResult editOrder(String token, long o, long customer, String fields) {
        return put(token, "/api/v1/orders/" + o, "{\"customerId\":" + customer + "," + fields + ",\"version\":"
                + version(token, "/api/v1/orders/" + o) + "}", null);
    }

    @Test
    void aDraftOrderKeepsItsPlanWhenTheTotalChangesUnlessTheEditSaysToScaleOrDiscardIt() {
        String token = rep();
        long c = createCustomer(token, "{\"name\":\"" + unique("Draft plan") + "\"}");
        long o = id(post(token, "/api/v1/orders", "{\"customerId\":" + c + ",\"total\":100}"), "$.id");
        String uri = "/api/v1/orders/" + o + "/payment-plan";
        assertThat(put(token, uri, "{\"version\":0,\"instalments\":[{\"dueOn\":\"2026-04-01\",\"amount\":50},"
                + "{\"dueOn\":\"2026-05-01\",\"amount\":50}]}", null)).hasStatus(200);

        // a new total the plan does not add up to is refused, naming the plan's sum; nothing is written
        long before = version(token, "/api/v1/orders/" + o);
        var refused = editOrder(token, o, c, "\"total\":120");
        assertThat(refused).hasStatus(400);
        assertThat((String) json(refused, "$.errors[0].field")).isEqualTo("total");
        assertThat((String) json(refused, "$.errors[0].message")).contains("CNY 100.00").contains("2 instalments").contains("scale");
        assertThat(version(token, "/api/v1/orders/" + o)).isEqualTo(before);
        assertThat(money(get(token, "/api/v1/orders/" + o), "$.total")).isEqualTo("100.00");
        assertThat((java.util.List<?>) json(get(token, uri), "$.instalments")).hasSize(2);
        assertThat(editOrder(token, o, c, "\"total\":120,\"planAdjustment\":\"stretch\"")).hasStatus(400);

        // lines adding up to the plan, a new currency and a new owner keep it, and it follows them
        var relined = editOrder(token, o, c, "\"currency\":\"USD\",\"lines\":[{\"description\":\"Tea\",\"quantity\":4,\"unitPrice\":25}]");
        assertThat(relined).as(body(relined)).hasStatus(200);
        assertThat((java.util.List<?>) json(get(token, uri), "$.instalments")).hasSize(2);
        assertThat(jdbc.sql("select distinct currency from sales_instalments where order_id = :o").param("o", o).query(String.class).list())
                .containsExactly("USD");
        String otherEmail = unique("planner") + "@test.local";
        long other = createUser(otherEmail, "sales-rep", 1, null);
        var handedOver = editOrder(adminToken(), o, c, "\"currency\":\"USD\",\"total\":100,\"ownerId\":" + other);
        assertThat(handedOver).as(body(handedOver)).hasStatus(200);
        assertThat(jdbc.sql("select distinct owner_id from sales_instalments where order_id = :o").param("o", o).query(Long.class).list())
                .containsExactly(other);
        token = token(otherEmail, "password-123");

        var scaled = editOrder(token, o, c, "\"currency\":\"USD\",\"total\":120,\"planAdjustment\":\"scale\"");
        assertThat(scaled).as(body(scaled)).hasStatus(200);
        var plan = get(token, uri);
        assertThat(money(plan, "$.instalments[0].amount")).isEqualTo("60.00");
        assertThat(money(plan, "$.instalments[1].amount")).isEqualTo("60.00");
        assertThat(json(plan, "$.instalments[1].dueOn").toString()).isEqualTo("2026-05-01");
        String history = body(get(token, "/api/v1/orders/" + o + "/history"));
        assertThat(history).contains("\"field\":\"payment_plan\"").contains("2 × 2026-04-01…2026-05-01, 120.00")
                .contains("2 × 2026-04-01…2026-05-01, 100.00");
        // a plan the new total still matches stays whatever is chosen
        assertThat(editOrder(token, o, c, "\"currency\":\"USD\",\"total\":120,\"notes\":\"rush\",\"planAdjustment\":\"discard\""))
                .hasStatus(200);
        assertThat((java.util.List<?>) json(get(token, uri), "$.instalments")).hasSize(2);

        var tooSmall = editOrder(token, o, c, "\"currency\":\"USD\",\"total\":0.01,\"planAdjustment\":\"scale\"");
        assertThat(tooSmall).hasStatus(400);
        assertThat((String) json(tooSmall, "$.errors[0].message")).contains("discard");

        var discarded = editOrder(token, o, c, "\"currency\":\"USD\",\"total\":90,\"planAdjustment\":\"discard\"");
        assertThat(discarded).as(body(discarded)).hasStatus(200);
        assertThat((java.util.List<?>) json(get(token, uri), "$.instalments")).isEmpty();
        assertThat(post(token, "/api/v1/orders/" + o + "/confirm", "{}")).hasStatus(200);
        assertThat(money(get(token, uri), "$.instalments[0].amount")).isEqualTo("90.00");
        assertThat(get(rep(), "/api/v1/orders/" + o + "/history")).as("another rep may not read it").hasStatus(404);
    }

    @Test
    void anActiveContractsAmountIsFixed() {
        String token = rep();
        long c = createCustomer(token, "{\"name\":\"" + unique("Fixed") + "\"}");
        long k = id(post(token, "/api/v1/contracts", "{\"customerId\":" + c + ",\"title\":\"Fixed\",\"amount\":100}"), "$.id");
        assertThat(post(token, "/api/v1/contracts/" + k + "/status", "{\"status\":\"active\"}")).hasStatus(200);
        var refused = put(token, "/api/v1/contracts/" + k, "{\"title\":\"Fixed\",\"amount\":200,\"version\":"
                + version(token, "/api/v1/contracts/" + k) + "}", null);
        assertThat(refused).hasStatus(400);
        assertThat(body(refused)).contains("amount");
        var retitled = put(token, "/api/v1/contracts/" + k, "{\"title\":\"Renamed\",\"amount\":100,\"version\":"
                + version(token, "/api/v1/contracts/" + k) + "}", null);
        assertThat(retitled).as(body(retitled)).hasStatus(200);
    }

    private long draftContractInThreeInstalments(String token, long customer) {
        long k = id(post(token, "/api/v1/contracts", "{\"customerId\":" + customer + ",\"title\":\"Lease\",\"amount\":1200}"), "$.id");
        var plan = put(token, "/api/v1/contracts/" + k + "/payment-plan", "{\"version\":0,\"instalments\":[{\"dueOn\":\"2026-01-31\",\"amount\":400},"
                + "{\"dueOn\":\"2026-02-28\",\"amount\":400},{\"dueOn\":\"2026-03-31\",\"amount\":400}]}", null);
        assertThat(plan).as(body(plan)).hasStatus(200);
        return k;
    }

    private MvcTestResult edit(String token, long k, String fields) {
        return put(token, "/api/v1/contracts/" + k, "{\"title\":\"Lease\"," + fields + ",\"version\":" + version(token, "/api/v1/contracts/" + k)
                + "}", null);
    }

    @Test
    void aDraftKeepsItsPlanWhenTheAmountChangesUnlessTheEditSaysToScaleOrDiscardIt() {
        String token = rep();
        long c = createCustomer(token, "{\"name\":\"" + unique("Draft plan kept") + "\"}");
        long k = draftContractInThreeInstalments(token, c);
        String uri = "/api/v1/contracts/" + k + "/payment-plan";

        var refused = edit(token, k, "\"amount\":1500");
        assertThat(refused).hasStatus(400);
        assertThat((String) json(refused, "$.errors[0].field")).isEqualTo("amount");
        assertThat((String) json(refused, "$.errors[0].message")).contains("CNY 1200.00").contains("3 instalments").contains("scale");
        assertThat(money(get(token, "/api/v1/contracts/" + k), "$.amount")).isEqualTo("1200.00");
        assertThat((java.util.List<?>) json(get(token, uri), "$.instalments")).hasSize(3);
        // an edit the plan still fits keeps it, even with a new title, currency or dates
        var retitled = put(token, "/api/v1/contracts/" + k, "{\"title\":\"Lease 2027\",\"amount\":1200,\"currency\":\"USD\","
                + "\"version\":" + version(token, "/api/v1/contracts/" + k) + "}", null);
        assertThat(retitled).as(body(retitled)).hasStatus(200);
        assertThat((java.util.List<?>) json(get(token, uri), "$.instalments")).hasSize(3);
        assertThat(jdbc.sql("select distinct currency from sales_instalments where contract_id = :k").param("k", k).query(String.class).list())
                .containsExactly("USD");
        assertThat(edit(token, k, "\"amount\":1500,\"currency\":\"USD\",\"planAdjustment\":\"stretch\"")).hasStatus(400);

        var scaled = edit(token, k, "\"amount\":1000,\"currency\":\"USD\",\"planAdjustment\":\"scale\"");
        assertThat(scaled).as(body(scaled)).hasStatus(200);
        var plan = get(token, uri);
        assertThat(money(plan, "$.instalments[0].amount")).isEqualTo("333.33");
        assertThat(money(plan, "$.instalments[1].amount")).isEqualTo("333.33");
        assertThat(money(plan, "$.instalments[2].amount")).as("the last takes the cent of rounding").isEqualTo("333.34");
        assertThat(json(plan, "$.instalments[2].dueOn").toString()).isEqualTo("2026-03-31");
        assertThat(body(get(token, "/api/v1/contracts/" + k + "/history"))).contains("payment_plan");

        var tooSmall = edit(token, k, "\"amount\":0.02,\"currency\":\"USD\",\"planAdjustment\":\"scale\"");
        assertThat(tooSmall).hasStatus(400);
        assertThat((String) json(tooSmall, "$.errors[0].message")).contains("discard");
        long order = id(post(token, "/api/v1/orders", "{\"customerId\":" + c + ",\"total\":1000,\"currency\":\"USD\"}"), "$.id");
        var linked = edit(token, k, "\"amount\":1000,\"currency\":\"USD\",\"orderId\":" + order);
        assertThat(linked).hasStatus(400);
        assertThat((String) json(linked, "$.errors[0].field")).isEqualTo("orderId");

        var discarded = edit(token, k, "\"amount\":800,\"currency\":\"USD\",\"planAdjustment\":\"discard\"");
        assertThat(discarded).as(body(discarded)).hasStatus(200);
        assertThat((java.util.List<?>) json(get(token, uri), "$.instalments")).isEmpty();
        assertThat(post(token, "/api/v1/contracts/" + k + "/status", "{\"status\":\"active\"}")).hasStatus(200);
        assertThat(money(get(token, uri), "$.instalments[0].amount")).isEqualTo("800.00");
    }
}
