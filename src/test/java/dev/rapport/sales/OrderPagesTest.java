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
}
