package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.rapport.ApiTestSupport;
import org.junit.jupiter.api.Test;

/** The quote pages as a signed-in user uses them: customer section (htmx), form with line rows, workflow, approvals, products. */
class QuotePagesTest extends ApiTestSupport {

    @Test
    void aRepQuotesFromTheCustomerPageAndAManagerApprovesFromTheApprovalsPage() {
        long region = createDepartment(unique("华中大区"), 1);
        String repEmail = unique("rep") + "@test.local";
        String mgrEmail = unique("mgr") + "@test.local";
        createUser(repEmail, "sales-rep", region, null);
        createUser(mgrEmail, "sales-manager", region, null);
        String rep = token(repEmail, "password-123");
        String name = unique("武汉<光谷>");
        long customer = createCustomer(rep, "{\"name\":\"" + name.replace("<", "\\u003c").replace(">", "\\u003e") + "\"}");

        var section = mvc.get().uri("/customers/" + customer + "/quotes?lang=en").header("HX-Request", "true").with(user(repEmail)).exchange();
        assertThat(section).hasStatusOk();
        assertThat(body(section)).contains("id=\"customer-quotes\"").contains("/quotes/new?customerId=" + customer).doesNotContain("<html");

        String form = body(mvc.get().uri("/quotes/new?customerId=" + customer + "&lang=en").with(user(repEmail)).exchange());
        assertThat(form).contains("line-table").contains("武汉&lt;光谷&gt;").doesNotContain("武汉<光谷>");
        var row = mvc.get().uri("/quotes/line").header("HX-Request", "true").with(user(repEmail)).exchange();
        assertThat(body(row)).contains("name=\"line.quantity\"").doesNotContain("<html");

        var created = mvc.post().uri("/quotes").with(user(repEmail)).with(csrf())
                .param("customerId", String.valueOf(customer)).param("discountPercent", "25").param("version", "0")
                .param("line.productId", "", "").param("line.description", "实施服务", "").param("line.quantity", "2", "1")
                .param("line.unitPrice", "1000", "").param("line.discountPercent", "0", "0").param("line.taxRate", "6", "13").exchange();
        assertThat(created).hasStatus3xxRedirection();
        String location = created.getResponse().getRedirectedUrl();
        long quote = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String page = body(mvc.get().uri("/quotes/" + quote + "?lang=en").with(user(repEmail)).exchange());
        assertThat(page).contains("1590.00").contains("Submit for approval").contains("must approve");

        assertThat(mvc.post().uri("/quotes/" + quote + "/submit").param("version", "0").with(user(repEmail)).with(csrf()).exchange())
                .hasStatus3xxRedirection();
        String waiting = body(mvc.get().uri("/approvals?lang=en").with(user(mgrEmail)).exchange());
        assertThat(waiting).contains("data-record=\"" + quote + "\"");
        assertThat(body(mvc.get().uri("/approvals?lang=en").with(user(repEmail)).exchange())).doesNotContain("data-record=\"" + quote + "\"");

        assertThat(mvc.post().uri("/quotes/" + quote + "/approve").param("back", "approvals").param("comment", "ok")
                .with(user(mgrEmail)).with(csrf()).exchange()).hasRedirectedUrl("/approvals");
        page = body(mvc.get().uri("/quotes/" + quote + "?lang=en").with(user(repEmail)).exchange());
        assertThat(page).contains("Approved").contains("send-form");
        var pdf = mvc.get().uri("/quotes/" + quote + "/pdf").with(user(repEmail)).exchange();
        assertThat(pdf).hasStatusOk().hasContentType("application/pdf");
    }

    @Test
    void productsAreListedSearchedAndEditedOnTheirPages() {
        String sku = unique("PG");
        var saved = mvc.post().uri("/products").with(user(ADMIN)).with(csrf()).param("sku", sku).param("name", "打印机")
                .param("unit", "台").param("active", "true").exchange();
        assertThat(saved).hasRedirectedUrl("/products");
        assertThat(body(mvc.get().uri("/products?q=" + sku).with(user(ADMIN)).exchange())).contains("打印机");
        var duplicate = mvc.post().uri("/products").with(user(ADMIN)).with(csrf()).param("sku", sku).param("name", "x").param("unit", "个").exchange();
        assertThat(body(duplicate)).contains("already used");
    }

    @Test
    void anAdministratorChangesTheApprovalThreshold() {
        String html = body(mvc.get().uri("/approvals?lang=en").with(user(ADMIN)).exchange());
        assertThat(html).contains("threshold-form");
        int version = Integer.parseInt(html.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1"));
        var r = mvc.post().uri("/approvals/settings").with(user(ADMIN)).with(csrf()).param("version", String.valueOf(version))
                .param("threshold", "15").exchange();
        assertThat(r).hasRedirectedUrl("/approvals");
        assertThat(body(mvc.get().uri("/approvals").with(user(ADMIN)).exchange())).contains("name=\"version\" value=\"" + (version + 1) + "\"");
    }

    @Test
    void theQuoteFormOffersTheCustomersOpportunitiesByNameStageAndAmountAndRefusesAnotherCustomers() {
        String repEmail = unique("rep") + "@test.local";
        createUser(repEmail, "sales-rep", 1, null);
        String rep = token(repEmail, "password-123");
        long customer = createCustomer(rep, "{\"name\":\"" + unique("商机客户") + "\"}");
        long other = createCustomer(rep, "{\"name\":\"" + unique("别的客户") + "\"}");
        String openName = unique("扩容项目");
        long open = id(post(rep, "/api/v1/opportunities", "{\"name\":\"" + openName + "\",\"customerId\":" + customer
                + ",\"amount\":5000}"), "$.id");
        String wonName = unique("首单");
        long won = id(post(rep, "/api/v1/opportunities", "{\"name\":\"" + wonName + "\",\"customerId\":" + customer + "}"), "$.id");
        java.util.List<Number> wonStage = json(get(adminToken(), "/api/v1/pipelines"), "$[0].stages[?(@.kind == 'won')].id");
        assertThat(post(rep, "/api/v1/opportunities/" + won + "/stage", "{\"stageId\":" + wonStage.get(0) + ",\"version\":0}"))
                .hasStatusOk();
        long foreign = id(post(rep, "/api/v1/opportunities", "{\"name\":\"" + unique("别人的商机") + "\",\"customerId\":" + other + "}"),
                "$.id");

        String en = body(mvc.get().uri("/quotes/new?customerId=" + customer + "&lang=en").with(user(repEmail)).exchange());
        assertThat(en).contains("<select id=\"opportunityId\" name=\"opportunityId\">").doesNotContain("type=\"number\" id=\"opportunityId\"")
                .contains("<optgroup label=\"Open opportunities\">").contains("<optgroup label=\"Won or lost\">")
                .contains("<option value=\"" + open + "\">" + openName + " · ").contains(" · CNY 5000.00</option>")
                .contains("<option value=\"" + won + "\">" + wonName + " · Won · CNY 0.00</option>")
                .doesNotContain("value=\"" + foreign + "\"");
        assertThat(en.indexOf(openName)).as("open deals first").isLessThan(en.indexOf(wonName));
        String zh = body(mvc.get().uri("/quotes/new?customerId=" + customer + "&lang=zh-CN").with(user(repEmail)).exchange());
        assertThat(zh).contains("<optgroup label=\"进行中的商机\">").contains(wonName + " · 赢单");

        var refused = mvc.post().uri("/quotes?lang=en").with(user(repEmail)).with(csrf()).param("customerId", "" + customer)
                .param("opportunityId", "" + foreign).param("version", "0").param("line.productId", "").param("line.description", "服务")
                .param("line.quantity", "1").param("line.unitPrice", "100").param("line.discountPercent", "0").param("line.taxRate", "6")
                .exchange();
        assertThat(body(refused)).contains("<strong>Opportunity</strong>:").contains("is not an opportunity of this customer that you can see")
                .contains("<option value=\"" + foreign + "\" selected>#" + foreign + "</option>");

        var created = mvc.post().uri("/quotes").with(user(repEmail)).with(csrf()).param("customerId", "" + customer)
                .param("opportunityId", "" + open).param("version", "0").param("line.productId", "").param("line.description", "服务")
                .param("line.quantity", "1").param("line.unitPrice", "100").param("line.discountPercent", "0").param("line.taxRate", "6")
                .exchange();
        assertThat(created).hasStatus3xxRedirection();
        String location = created.getResponse().getRedirectedUrl();
        String edit = body(mvc.get().uri(location + "?lang=en").with(user(repEmail)).exchange());
        assertThat(edit).contains("<option value=\"" + open + "\" selected=\"selected\">" + openName);
        // once submitted the quote is read-only and links to its opportunity
        assertThat(mvc.post().uri(location + "/submit").param("version", "0").with(user(repEmail)).with(csrf()).exchange())
                .hasStatus3xxRedirection();
        String shown = body(mvc.get().uri(location + "?lang=zh-CN").with(user(repEmail)).exchange());
        assertThat(shown).doesNotContain("id=\"quote-form\"").contains("id=\"quote-opportunity\" href=\"/opportunities/" + open + "\"")
                .contains(openName + " · 资格确认");
    }
}
