package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.rapport.ApiTestSupport;
import org.junit.jupiter.api.Test;

class OrderPagesTest extends ApiTestSupport {

    private String email;
    private String token;

    private long confirmedOrder(String total) {
        email = unique("rep") + "@test.local";
        createUser(email, "sales-rep", 1, null);
        token = token(email, "password-123");
        long c = createCustomer(token, "{\"name\":\"" + unique("Page") + "\",\"status\":\"target\"}");
        long o = id(post(token, "/api/v1/orders", "{\"customerId\":" + c + ",\"lines\":[{\"description\":\"Tea <b>set</b>\",\"quantity\":2,\"unitPrice\":" + total + "}]}"), "$.id");
        assertThat(post(token, "/api/v1/orders/" + o + "/confirm", "{}")).hasStatus(200);
        return o;
    }

    @Test
    void recordingAPaymentOnTheOrderPageLowersTheReceivable() {
        long o = confirmedOrder("50");
        String page = body(mvc.get().uri("/orders/" + o + "?lang=en").with(user(email)).exchange());
        assertThat(page).contains("id=\"order-receivable\">100.00<").contains("Tea &lt;b&gt;set&lt;/b&gt;").contains("Record payment");
        var r = mvc.post().uri("/orders/" + o + "/payments").param("amount", "30").param("method", "wechat").with(user(email)).with(csrf()).exchange();
        assertThat(r).hasStatus3xxRedirection();
        assertThat(body(mvc.get().uri("/orders/" + o).with(user(email)).exchange())).contains("id=\"order-receivable\">70.00<");
        var bad = mvc.post().uri("/orders/" + o + "/payments").param("amount", "700").with(user(email)).with(csrf()).exchange();
        assertThat(body(bad)).contains("data-field=\"amount\"");
    }

    @Test
    void theCustomerPageLoadsThePurchasesSectionInChinese() {
        long o = confirmedOrder("10");
        long c = ((Number) json(get(token, "/api/v1/orders/" + o), "$.customerId")).longValue();
        assertThat(body(mvc.get().uri("/customers/" + c).with(user(email)).exchange())).contains("/customers/" + c + "/orders");
        String fragment = body(mvc.get().uri("/customers/" + c + "/orders?lang=zh-CN").header("HX-Request", "true").with(user(email)).exchange());
        assertThat(fragment).contains("首次购买客户").contains("id=\"purchase-count\">1<").doesNotContain("<html");
        assertThat(fragment).doesNotContain("credit-terms-form");
    }

    @Test
    void listsShowTheOrdersAndTheOverdueCustomers() {
        long o = confirmedOrder("10");
        assertThat(body(mvc.get().uri("/orders?lang=en").with(user(email)).exchange())).contains("/orders/" + o);
        assertThat(mvc.get().uri("/receivables").with(user(email)).exchange()).hasStatusOk();
        assertThat(mvc.get().uri("/contracts").with(user(email)).exchange()).hasStatusOk();
        assertThat(mvc.get().uri("/orders/new?customerId=" + json(get(token, "/api/v1/orders/" + o), "$.customerId")).with(user(email)).exchange()).hasStatusOk();
    }

    private long draftOrderInTwoInstalments() {
        email = unique("rep") + "@test.local";
        createUser(email, "sales-rep", 1, null);
        token = token(email, "password-123");
        long c = createCustomer(token, "{\"name\":\"" + unique("Draft") + "\"}");
        long o = id(post(token, "/api/v1/orders", "{\"customerId\":" + c + ",\"lines\":[{\"description\":\"Tea\",\"quantity\":2,\"unitPrice\":50}]}"),
                "$.id");
        assertThat(put(token, "/api/v1/orders/" + o + "/payment-plan", "{\"version\":0,\"instalments\":[{\"dueOn\":\"2026-04-30\",\"amount\":40},"
                + "{\"dueOn\":\"2026-05-31\",\"amount\":60}]}", null)).hasStatus(200);
        return o;
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult save(long o, long version, String lang, String quantity,
                                                                            String price, String plan) {
        var request = mvc.post().uri("/orders/" + o + "?lang=" + lang).with(user(email)).with(csrf()).param("version", "" + version)
                .param("currency", "CNY").param("description", "Tea").param("quantity", quantity).param("unitPrice", price);
        return (plan == null ? request : request.param("planAdjustment", plan)).exchange();
    }

    private long version(long o) {
        return ((Number) json(get(token, "/api/v1/orders/" + o), "$.version")).longValue();
    }

    @Test
    void editingADraftOrdersTotalAsksWhatBecomesOfItsPlanAndSaysWhatWasDone() {
        long o = draftOrderInTwoInstalments();
        assertThat(body(mvc.get().uri("/orders/" + o + "?lang=en").with(user(email)).exchange()))
                .contains("id=\"edit-order\" href=\"/orders/" + o + "/edit\"");
        String form = body(mvc.get().uri("/orders/" + o + "/edit?lang=en").with(user(email)).exchange());
        assertThat(form).contains("action=\"/orders/" + o + "\"").contains("id=\"line-description-0\" value=\"Tea\"")
                .contains("id=\"line-quantity-0\" value=\"2\"").contains("id=\"line-price-0\" value=\"50\"")
                .contains("Payment plan: 2 instalments adding up to CNY 100.00. If the total changes:")
                .contains("<input type=\"radio\" name=\"planAdjustment\" value=\"keep\" id=\"plan-keep\" checked=\"checked\">");
        assertThat(body(mvc.get().uri("/orders/" + o + "/edit?lang=zh-CN").with(user(email)).exchange()))
                .contains("编辑订单").contains("回款计划：共 2 期，合计 CNY 100.00").contains("按新总额等比调整各期金额");
        long version = version(o);

        var kept = save(o, version, "en", "3", "50", "keep");
        assertThat(kept).hasStatusOk();
        assertThat(body(kept)).contains("data-field=\"total\"")
                .contains("does not match the payment plan, which adds up to CNY 100.00 in 2 instalments")
                .contains("id=\"line-quantity-0\" value=\"3\"").contains("id=\"plan-keep\" checked=\"checked\"");
        assertThat(json(get(token, "/api/v1/orders/" + o), "$.total").toString()).isEqualTo("100.0");
        assertThat(body(save(o, version, "zh-CN", "3", "50", null))).contains("与回款计划不符：计划 2 期合计 CNY 100.00");

        var scaled = save(o, version, "en", "3", "50", "scale");
        assertThat(scaled).hasRedirectedUrl("/orders/" + o);
        assertThat((Object) scaled.getMvcResult().getFlashMap().get("planNotice")).isEqualTo("scaled");
        String after = body(mvc.get().uri("/orders/" + o + "?lang=zh-CN").cookie(scaled.getResponse().getCookies()).with(user(email)).exchange());
        assertThat(after).contains("id=\"plan-notice\"").contains("回款计划已按新总额等比调整：共 2 期，合计 CNY 150.00");
        var plan = get(token, "/api/v1/orders/" + o + "/payment-plan");
        assertThat(json(plan, "$.instalments[0].amount").toString()).isEqualTo("60.0");
        assertThat(json(plan, "$.instalments[1].amount").toString()).isEqualTo("90.0");

        var same = save(o, version + 1, "en", "3", "50", "discard");
        assertThat(same).hasRedirectedUrl("/orders/" + o);
        assertThat((Object) same.getMvcResult().getFlashMap().get("planNotice")).as("the plan still fits: nothing happened to it").isNull();
        assertThat(body(save(o, version, "en", "3", "40", "discard"))).contains("Someone changed this meanwhile");

        var discarded = save(o, version(o), "en", "3", "40", "discard");
        assertThat(discarded).hasRedirectedUrl("/orders/" + o);
        String page = body(mvc.get().uri("/orders/" + o + "?lang=en").cookie(discarded.getResponse().getCookies()).with(user(email)).exchange());
        assertThat(page).contains("The payment plan was discarded: confirming the order will make a single instalment for the full total.");
        assertThat((java.util.List<?>) json(get(token, "/api/v1/orders/" + o + "/payment-plan"), "$.instalments")).isEmpty();
        assertThat(json(get(token, "/api/v1/orders/" + o), "$.total").toString()).isEqualTo("120.0");
    }

    @Test
    void onlyADraftIsEditedAndTheFormReplacesItsLines() {
        long confirmed = confirmedOrder("10");
        assertThat(body(mvc.get().uri("/orders/" + confirmed + "?lang=en").with(user(email)).exchange())).doesNotContain("edit-order");
        assertThat(mvc.get().uri("/orders/" + confirmed + "/edit").with(user(email)).exchange()).hasRedirectedUrl("/orders/" + confirmed);
        long c = ((Number) json(get(token, "/api/v1/orders/" + confirmed), "$.customerId")).longValue();
        long me = ((Number) json(get(token, "/api/v1/orders/" + confirmed), "$.ownerId")).longValue();
        long o = id(post(token, "/api/v1/orders", "{\"customerId\":" + c + ",\"total\":80}"), "$.id");

        String form = body(mvc.get().uri("/orders/" + o + "/edit?lang=en").with(user(email)).exchange());
        assertThat(form).contains("id=\"order-total\" inputmode=\"decimal\" style=\"width:9rem\" value=\"80.00\"")
                .contains("<option value=\"" + me + "\" selected=\"selected\">").doesNotContain("order-plan-choice");
        var saved = mvc.post().uri("/orders/" + o).with(user(email)).with(csrf()).param("version", "" + version(o)).param("currency", "USD")
                .param("ownerId", "" + me).param("description", "Cups", "").param("quantity", "4", "").param("unitPrice", "12.5", "")
                .param("productId", "", "").param("total", "80").param("notes", "gift box").exchange();
        assertThat(saved).hasRedirectedUrl("/orders/" + o);
        var order = get(token, "/api/v1/orders/" + o);
        assertThat(json(order, "$.total").toString()).isEqualTo("50.0");
        assertThat(json(order, "$.currency").toString()).isEqualTo("USD");
        assertThat(json(order, "$.lines[0].description").toString()).isEqualTo("Cups");
        assertThat(json(order, "$.notes").toString()).isEqualTo("gift box");

        var bad = mvc.post().uri("/orders/" + o + "?lang=en").with(user(email)).with(csrf()).param("version", "" + version(o))
                .param("description", "Cups").param("quantity", "many").param("unitPrice", "12.5").exchange();
        assertThat(body(bad)).contains("data-field=\"lines[0].quantity\"").contains("<strong>lines[0].quantity</strong>").contains("value=\"many\"");
    }
}
