package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.rapport.ApiTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The opportunity page's products section, decision-chain editing and the new-opportunity form's
 * customer picker, through the HTML endpoints (htmx and plain posts).
 */
class OpportunityProductPagesTest extends ApiTestSupport {

    long product(String sku, String name) {
        var r = post(adminToken(), "/api/v1/products", "{\"sku\":\"" + sku + "\",\"name\":\"" + name + "\",\"unit\":\"套\"}");
        assertThat(r).as(body(r)).hasStatus(201);
        return id(r, "$.id");
    }

    long contact(long customer, String name) {
        var r = post(adminToken(), "/api/v1/contacts", "{\"customerId\":" + customer + ",\"name\":\"" + name + "\"}");
        assertThat(r).as(body(r)).hasStatus(201);
        return id(r, "$.id");
    }

    int version(long o) {
        return json(get(adminToken(), "/api/v1/opportunities/" + o), "$.version");
    }

    @Test
    void linesAreAddedChangedAndRemovedWithHtmxAndTheAmountFollows() {
        String sku = unique("PG").toUpperCase();
        long p = product(sku, "年度维保");
        var book = post(adminToken(), "/api/v1/price-books", "{\"name\":\"" + unique("book") + "\",\"currency\":\"CNY\",\"tiers\":["
                + "{\"productId\":" + p + ",\"minQuantity\":1,\"unitPrice\":1000}]}");
        long c = createCustomer(adminToken(), "{\"name\":\"" + unique("页面客户") + "\"}");
        long o = id(post(adminToken(), "/api/v1/opportunities", "{\"name\":\"维保商机\",\"customerId\":" + c + "}"), "$.id");
        put(adminToken(), "/api/v1/opportunities/" + o + "/products", "{\"priceBookId\":" + id(book, "$.id") + ",\"version\":0,\"lines\":[]}", null);

        String page = body(mvc.get().uri("/opportunities/" + o + "?lang=en").with(user(ADMIN)).exchange());
        assertThat(page).contains("/opportunities/" + o + "/products").contains("class=\"opportunity-version\"");
        String section = body(mvc.get().uri("/opportunities/" + o + "/products?lang=en").header("HX-Request", "true").with(user(ADMIN)).exchange());
        assertThat(section).contains("No products yet.").contains("product-search").doesNotContain("hx-swap-oob");
        String picker = body(mvc.get().uri("/opportunities/" + o + "/products/picker").param("productQ", "年度维")
                .header("HX-Request", "true").with(user(ADMIN)).exchange());
        assertThat(picker).contains(sku + " — 年度维保").contains("name=\"productId\"");

        var added = mvc.post().uri("/opportunities/" + o + "/products?lang=en").param("version", "1").param("productId", String.valueOf(p))
                .param("quantity", "3").param("discountPercent", "10").header("HX-Request", "true").with(user(ADMIN)).with(csrf()).exchange();
        String html = body(added);
        assertThat(html).contains(sku).contains("2,700.00").contains("(price book)")
                .contains("id=\"opportunity-amount\" hx-swap-oob=\"true\"").contains("CNY 2,700.00")
                .contains("value=\"2\" hx-swap-oob=\"outerHTML:.opportunity-version\"");

        long line = id(get(adminToken(), "/api/v1/opportunities/" + o + "/products"), "$.lines[0].id");
        String edit = body(mvc.get().uri("/opportunities/" + o + "/products?edit=" + line).header("HX-Request", "true").with(user(ADMIN)).exchange());
        assertThat(edit).contains("line-edit-form");
        var bad = mvc.post().uri("/opportunities/" + o + "/products/" + line + "?lang=zh-CN").param("version", "2")
                .param("productId", String.valueOf(p)).param("quantity", "0").header("HX-Request", "true").with(user(ADMIN)).with(csrf()).exchange();
        assertThat(body(bad)).contains("数量").contains("必须大于零").doesNotContain("hx-swap-oob");
        var changed = mvc.post().uri("/opportunities/" + o + "/products/" + line).param("version", "2").param("productId", String.valueOf(p))
                .param("quantity", "2").param("unitPrice", "800").header("HX-Request", "true").with(user(ADMIN)).with(csrf()).exchange();
        assertThat(body(changed)).contains("1,600.00");
        assertThat(json(get(adminToken(), "/api/v1/opportunities/" + o), "$.amount").toString()).isEqualTo("1600.0");

        var stale = mvc.post().uri("/opportunities/" + o + "/products/" + line + "/remove?lang=en").param("version", "2")
                .header("HX-Request", "true").with(user(ADMIN)).with(csrf()).exchange();
        assertThat(body(stale)).contains("Someone changed this opportunity meanwhile").contains("1,600.00");
        line = id(get(adminToken(), "/api/v1/opportunities/" + o + "/products"), "$.lines[0].id");
        var removed = mvc.post().uri("/opportunities/" + o + "/products/" + line + "/remove").param("version", "3")
                .with(user(ADMIN)).with(csrf()).exchange();
        assertThat(removed).as("without htmx back to the page").hasStatus3xxRedirection();
        assertThat(json(get(adminToken(), "/api/v1/opportunities/" + o + "/products"), "$.lines").toString()).isEqualTo("[]");
    }

    @Test
    void aQuoteIsCreatedFromTheOpportunityPage() {
        String sku = unique("QT").toUpperCase();
        long p = product(sku, "实施服务");
        long c = createCustomer(adminToken(), "{\"name\":\"" + unique("报价客户") + "\"}");
        long o = id(post(adminToken(), "/api/v1/opportunities", "{\"name\":\"报价商机\",\"customerId\":" + c + "}"), "$.id");
        put(adminToken(), "/api/v1/opportunities/" + o + "/products", "{\"version\":0,\"lines\":[{\"productId\":" + p
                + ",\"quantity\":1,\"unitPrice\":5000}]}", null);
        String section = body(mvc.get().uri("/opportunities/" + o + "/products?lang=zh-CN").header("HX-Request", "true").with(user(ADMIN)).exchange());
        assertThat(section).contains("用这些产品创建报价单");

        var r = mvc.post().uri("/opportunities/" + o + "/quote").with(user(ADMIN)).with(csrf()).exchange();

        assertThat(r).hasStatus3xxRedirection();
        String quotePage = body(mvc.get().uri(r.getResponse().getRedirectedUrl()).with(user(ADMIN)).exchange());
        assertThat(quotePage).contains("value=\"" + o + "\"").contains("5000");
    }

    @Test
    void theDecisionChainIsEditedOnTheOpportunityPageForThisDealOnly() {
        long org = createCustomer(adminToken(), "{\"type\":\"organization\",\"name\":\"" + unique("决策公司") + "\"}");
        long cto = contact(org, "技术总监");
        long ceo = contact(org, "总经理");
        long o = id(post(adminToken(), "/api/v1/opportunities", "{\"name\":\"决策商机\",\"customerId\":" + org + "}"), "$.id");

        String chain = body(mvc.get().uri("/opportunities/" + o + "/decision-chain?lang=en").header("HX-Request", "true").with(user(ADMIN)).exchange());
        assertThat(chain).contains("/opportunities/" + o + "/stakeholders/" + cto + "/edit");
        String editor = body(mvc.get().uri("/opportunities/" + o + "/stakeholders/" + cto + "/edit?lang=en").header("HX-Request", "true")
                .with(user(ADMIN)).exchange());
        assertThat(editor).contains("action=\"/opportunities/" + o + "/stakeholders/" + cto + "\"").contains("applies to this opportunity only");

        var saved = mvc.post().uri("/opportunities/" + o + "/stakeholders/" + cto + "?lang=en").param("role", "decision-maker")
                .param("attitude", "supporter").param("influence", "5").param("reportsToId", String.valueOf(ceo)).param("version", "0")
                .header("HX-Request", "true").with(user(ADMIN)).with(csrf()).exchange();
        assertThat(body(saved)).contains("Decision maker").contains("own place in this deal");
        assertThat(body(get(adminToken(), "/api/v1/customers/" + org + "/decision-chain")))
                .as("the organization's chain is untouched").doesNotContain("decision-maker");

        var loop = mvc.post().uri("/opportunities/" + o + "/stakeholders/" + ceo + "?lang=zh-CN").param("role", "user")
                .param("reportsToId", String.valueOf(cto)).param("version", "0")
                .header("HX-Request", "true").with(user(ADMIN)).with(csrf()).exchange();
        assertThat(body(loop)).contains("会形成循环").contains("stakeholder-form");

        java.util.List<Number> versions = json(get(adminToken(), "/api/v1/opportunities/" + o + "/decision-chain"),
                "$.stakeholders[?(@.contactId == " + cto + ")].version");
        long v = versions.get(0).longValue();
        assertThat(v).as("this deal's own place has a version").isPositive();
        var dropped = mvc.post().uri("/opportunities/" + o + "/stakeholders/" + cto + "/remove?lang=en").param("version", String.valueOf(v))
                .header("HX-Request", "true").with(user(ADMIN)).with(csrf()).exchange();
        assertThat(body(dropped)).doesNotContain("Decision maker");
        var noCsrf = mvc.post().uri("/opportunities/" + o + "/stakeholders/" + cto).param("role", "user").param("version", "0")
                .with(user(ADMIN)).exchange();
        assertThat(noCsrf).hasStatus(403);
    }

    @Test
    void aRepWithoutEditRightsSeesNoEditButtonsAndCannotEdit() {
        String email = unique("viewer") + "@test.local";
        createUser(email, "sales-rep", 1, null);
        long org = createCustomer(token(email, "password-123"), "{\"type\":\"organization\",\"name\":\"" + unique("只读公司") + "\"}");
        long k = contact(org, "采购");
        long o = id(post(token(email, "password-123"), "/api/v1/opportunities", "{\"name\":\"只读商机\",\"customerId\":" + org + "}"), "$.id");
        String other = unique("other") + "@test.local";
        createUser(other, "sales-rep", 1, null);
        assertThat(mvc.get().uri("/opportunities/" + o + "/decision-chain").header("HX-Request", "true").with(user(other)).exchange())
                .hasStatus(404);
        assertThat(mvc.post().uri("/opportunities/" + o + "/stakeholders/" + k).param("role", "user").param("version", "0")
                .with(user(other)).with(csrf()).exchange()).hasStatus(404);
    }

    @Test
    void theCustomerPickerFindsVisibleCustomersOnly() {
        String mine = unique("rep") + "@test.local";
        createUser(mine, "sales-rep", 1, null);
        String tag = unique("pick").replaceAll("[^a-z0-9]", "");
        long own = createCustomer(token(mine, "password-123"), "{\"name\":\"Picker " + tag + " 自己\"}");
        long foreign = createCustomer(adminToken(), "{\"name\":\"Picker " + tag + " 别人\"}");
        contact(own, "联系人" + tag);

        String form = body(mvc.get().uri("/opportunities/new?lang=en").with(user(mine)).exchange());
        assertThat(form).contains("id=\"customer-search\"").contains("hx-get=\"/opportunities/customer-picker\"")
                .doesNotContain("type=\"number\" id=\"customerId\"");
        String found = body(mvc.get().uri("/opportunities/customer-picker?lang=en").param("customerQ", "picker " + tag)
                .header("HX-Request", "true").with(user(mine)).exchange());
        assertThat(found).contains("value=\"" + own + "\"").doesNotContain("value=\"" + foreign + "\"");
        String none = body(mvc.get().uri("/opportunities/customer-picker?lang=zh-CN").param("customerQ", "zzz" + tag)
                .header("HX-Request", "true").with(user(mine)).exchange());
        assertThat(none).contains("没有匹配的客户");
        String contacts = body(mvc.get().uri("/opportunities/customer-contacts").param("customerId", String.valueOf(own))
                .header("HX-Request", "true").with(user(mine)).exchange());
        assertThat(contacts).contains("联系人" + tag);
        String preset = body(mvc.get().uri("/opportunities/new?customer=" + own).with(user(mine)).exchange());
        assertThat(preset).contains("value=\"" + own + "\" selected");
    }
}
