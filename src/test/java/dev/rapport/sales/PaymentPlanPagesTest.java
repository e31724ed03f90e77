package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.rapport.ApiTestSupport;
import org.junit.jupiter.api.Test;

/** The plan editor on the order and contract pages (htmx), payments on contracts, contracts of an order. */
class PaymentPlanPagesTest extends ApiTestSupport {

    private String email;
    private String token;

    private long confirmedOrder(String total) {
        email = unique("pp") + "@test.local";
        createUser(email, "sales-rep", 1, null);
        token = token(email, "password-123");
        long c = createCustomer(token, "{\"name\":\"" + unique("Plan page") + "\"}");
        long o = id(post(token, "/api/v1/orders", "{\"customerId\":" + c + ",\"total\":" + total + "}"), "$.id");
        assertThat(post(token, "/api/v1/orders/" + o + "/confirm", "{}")).hasStatus(200);
        return o;
    }

    private long planVersion(String uri) {
        return ((Number) json(get(token, uri), "$.version")).longValue();
    }

    @Test
    void theEditorAddsRowsAndSavingSplitsThePlanKeepingThePaidInstalment() {
        long o = confirmedOrder("1000");
        assertThat(post(token, "/api/v1/payments", "{\"orderId\":" + o + ",\"amount\":250}")).hasStatus(201);
        long first = id(get(token, "/api/v1/orders/" + o + "/payment-plan"), "$.instalments[0].id");

        String page = body(mvc.get().uri("/orders/" + o + "?lang=en").with(user(email)).exchange());
        assertThat(page).contains("id=\"edit-plan\"").contains("Partly paid").contains("Oldest open first");
        String editor = body(mvc.get().uri("/orders/" + o + "/payment-plan/edit?lang=en").header("HX-Request", "true").with(user(email)).exchange());
        assertThat(editor).contains("id=\"plan-editor\"").contains("value=\"" + first + "\"").contains("disabled").doesNotContain("<html");
        String row = body(mvc.get().uri("/orders/" + o + "/payment-plan/row").header("HX-Request", "true").with(user(email)).exchange());
        assertThat(row).contains("name=\"dueOn\"").contains("name=\"amount\"").doesNotContain("disabled");

        var bad = mvc.post().uri("/orders/" + o + "/payment-plan?lang=en").header("HX-Request", "true").with(user(email)).with(csrf())
                .param("version", String.valueOf(planVersion("/api/v1/orders/" + o + "/payment-plan")))
                .param("instalmentId", String.valueOf(first), "").param("dueOn", "2026-04-01", "2026-05-01")
                .param("amount", "100", "600").exchange();
        assertThat(bad).hasStatusOk();
        assertThat(body(bad)).contains("id=\"plan-errors\"").contains("Instalment 1").contains("250.00").contains("value=\"600\"");

        var ok = mvc.post().uri("/orders/" + o + "/payment-plan").header("HX-Request", "true").with(user(email)).with(csrf())
                .param("version", String.valueOf(planVersion("/api/v1/orders/" + o + "/payment-plan")))
                .param("instalmentId", String.valueOf(first), "").param("dueOn", "2026-04-01", "2026-05-01")
                .param("amount", "400", "600").exchange();
        assertThat(ok).hasHeader("HX-Refresh", "true");
        var plan = get(token, "/api/v1/orders/" + o + "/payment-plan");
        assertThat(id(plan, "$.instalments[0].id")).isEqualTo(first);
        assertThat(json(plan, "$.instalments[1].dueOn").toString()).isEqualTo("2026-05-01");

        var stale = mvc.post().uri("/orders/" + o + "/payment-plan").header("HX-Request", "true").with(user(email)).with(csrf())
                .param("version", "0").param("instalmentId", String.valueOf(first)).param("dueOn", "2026-04-01").param("amount", "1000").exchange();
        assertThat(body(stale)).contains("id=\"plan-stale\"");
    }

    @Test
    void aContractOnItsOwnTakesPaymentsOnItsPageAndTheOrderPageListsItsContracts() {
        long o = confirmedOrder("300");
        long customer = ((Number) json(get(token, "/api/v1/orders/" + o), "$.customerId")).longValue();
        String form = body(mvc.get().uri("/contracts/new?customerId=" + customer + "&orderId=" + o).with(user(email)).exchange());
        assertThat(form).contains("value=\"300.00\"").contains("name=\"orderId\" value=\"" + o + "\"");
        long linked = id(post(token, "/api/v1/contracts", "{\"customerId\":" + customer + ",\"title\":\"Frame\",\"amount\":300,\"orderId\":" + o + "}"), "$.id");
        String list = body(mvc.get().uri("/orders/" + o + "/contracts").header("HX-Request", "true").with(user(email)).exchange());
        assertThat(list).contains("/contracts/" + linked).contains("Frame").doesNotContain("<html");
        String linkedPage = body(mvc.get().uri("/contracts/" + linked + "?lang=en").with(user(email)).exchange());
        assertThat(linkedPage).contains("id=\"contract-linked-order\"").doesNotContain("id=\"edit-plan\"").doesNotContain("id=\"payment-form\"");

        long k = id(post(token, "/api/v1/contracts", "{\"customerId\":" + customer + ",\"title\":\"Service\",\"amount\":120}"), "$.id");
        assertThat(post(token, "/api/v1/contracts/" + k + "/status", "{\"status\":\"active\"}")).hasStatus(200);
        String page = body(mvc.get().uri("/contracts/" + k + "?lang=zh-CN").with(user(email)).exchange());
        assertThat(page).contains("id=\"payment-form\"").contains("编辑回款计划");
        var paid = mvc.post().uri("/contracts/" + k + "/payments").with(user(email)).with(csrf()).param("amount", "20").param("method", "cash").exchange();
        assertThat(paid).hasStatus3xxRedirection();
        assertThat(new java.math.BigDecimal(json(get(token, "/api/v1/contracts/" + k), "$.paid").toString())).isEqualByComparingTo("20");
        var tooMuch = mvc.post().uri("/contracts/" + k + "/payments").with(user(email)).with(csrf()).param("amount", "1000").exchange();
        assertThat(body(tooMuch)).contains("data-field=\"amount\"");
    }

    private long customerOfNewRep() {
        email = unique("pp") + "@test.local";
        createUser(email, "sales-rep", 1, null);
        token = token(email, "password-123");
        return createCustomer(token, "{\"name\":\"" + unique("Contract page") + "\"}");
    }

    @Test
    void aContractWithoutAPlanSaysHowItsPlanIsMadeNotTheOrdersHint() {
        long c = customerOfNewRep();
        long k = id(post(token, "/api/v1/contracts", "{\"customerId\":" + c + ",\"title\":\"Service\",\"amount\":600}"), "$.id");
        String en = body(mvc.get().uri("/contracts/" + k + "?lang=en").with(user(email)).exchange());
        assertThat(en).contains("id=\"plan-empty-hint\"").contains("when the contract is activated, one instalment for its full amount is made")
                .contains("payment term after the signing date").doesNotContain("when the order is confirmed");
        String zh = body(mvc.get().uri("/contracts/" + k + "?lang=zh-CN").with(user(email)).exchange());
        assertThat(zh).contains("合同生效时生成一期全额回款").doesNotContain("订单确认时");

        long o = id(post(token, "/api/v1/orders", "{\"customerId\":" + c + ",\"total\":80}"), "$.id");
        assertThat(body(mvc.get().uri("/orders/" + o + "?lang=en").with(user(email)).exchange()))
                .contains("The plan is made when the order is confirmed");

        assertThat(post(token, "/api/v1/contracts/" + k + "/status", "{\"status\":\"terminated\"}")).hasStatus(200);
        assertThat(body(mvc.get().uri("/contracts/" + k + "?lang=en").with(user(email)).exchange()))
                .contains("No payment plan: the contract ended before it was activated.").doesNotContain("when the contract is activated");
    }

    @Test
    void editingADraftsAmountAsksWhatBecomesOfItsPlanAndSaysWhatWasDone() {
        long c = customerOfNewRep();
        long k = id(post(token, "/api/v1/contracts", "{\"customerId\":" + c + ",\"title\":\"Lease\",\"amount\":1200}"), "$.id");
        assertThat(put(token, "/api/v1/contracts/" + k + "/payment-plan", "{\"version\":0,\"instalments\":[{\"dueOn\":\"2026-01-31\",\"amount\":600},"
                + "{\"dueOn\":\"2026-02-28\",\"amount\":600}]}", null)).hasStatus(200);
        String page = body(mvc.get().uri("/contracts/" + k + "?lang=en").with(user(email)).exchange());
        assertThat(page).contains("id=\"edit-contract\" href=\"/contracts/" + k + "/edit\"");

        String form = body(mvc.get().uri("/contracts/" + k + "/edit?lang=en").with(user(email)).exchange());
        assertThat(form).contains("action=\"/contracts/" + k + "\"").contains("value=\"1200.00\"")
                .contains("Payment plan: 2 instalments adding up to CNY 1200.00")
                .contains("<input type=\"radio\" name=\"planAdjustment\" value=\"keep\" id=\"plan-keep\" checked=\"checked\">");
        assertThat(body(mvc.get().uri("/contracts/" + k + "/edit?lang=zh-CN").with(user(email)).exchange()))
                .contains("回款计划：共 2 期，合计 CNY 1200.00").contains("按新金额等比调整各期金额");
        long version = ((Number) json(get(token, "/api/v1/contracts/" + k), "$.version")).longValue();

        var kept = mvc.post().uri("/contracts/" + k + "?lang=en").with(user(email)).with(csrf()).param("version", "" + version)
                .param("title", "Lease").param("amount", "1500").param("currency", "CNY").param("planAdjustment", "keep").exchange();
        assertThat(kept).hasStatusOk();
        assertThat(body(kept)).contains("data-field=\"amount\"").contains("does not match the payment plan, which adds up to CNY 1200.00 in 2 instalments")
                .contains("value=\"1500\"").contains("id=\"plan-keep\" checked=\"checked\"");
        assertThat(json(get(token, "/api/v1/contracts/" + k), "$.amount").toString()).isEqualTo("1200.0");

        var scaled = mvc.post().uri("/contracts/" + k + "?lang=en").with(user(email)).with(csrf()).param("version", "" + version)
                .param("title", "Lease").param("amount", "1500").param("currency", "CNY").param("planAdjustment", "scale").exchange();
        assertThat(scaled).hasRedirectedUrl("/contracts/" + k);
        assertThat((Object) scaled.getMvcResult().getFlashMap().get("planNotice")).isEqualTo("scaled");
        String after = body(mvc.get().uri("/contracts/" + k + "?lang=zh-CN").cookie(scaled.getResponse().getCookies()).with(user(email)).exchange());
        assertThat(after).contains("id=\"plan-notice\"").contains("回款计划已按新金额等比调整：共 2 期，合计 CNY 1500.00");
        assertThat(json(get(token, "/api/v1/contracts/" + k + "/payment-plan"), "$.instalments[1].amount").toString()).isEqualTo("750.0");

        var retitled = mvc.post().uri("/contracts/" + k).with(user(email)).with(csrf()).param("version", "" + (version + 1))
                .param("title", "Lease 2027").param("amount", "1500").param("currency", "CNY").exchange();
        assertThat(retitled).hasRedirectedUrl("/contracts/" + k);
        assertThat((Object) retitled.getMvcResult().getFlashMap().get("planNotice")).as("nothing happened to the plan").isNull();
        var stale = mvc.post().uri("/contracts/" + k + "?lang=en").with(user(email)).with(csrf()).param("version", "" + version)
                .param("title", "Lease").param("amount", "1500").param("currency", "CNY").exchange();
        assertThat(body(stale)).contains("Someone changed this meanwhile");
    }
}
