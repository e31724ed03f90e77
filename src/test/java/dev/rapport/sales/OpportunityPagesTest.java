package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.rapport.ApiTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpportunityPagesTest extends ApiTestSupport {

    long stage(String name) {
        List<Number> ids = json(get(adminToken(), "/api/v1/pipelines"), "$[0].stages[?(@.name == '" + name + "')].id");
        return ids.get(0).longValue();
    }

    @Test
    void createsAnOpportunityFromTheCustomerPageAndShowsIt() {
        String email = unique("rep") + "@test.local";
        createUser(email, "sales-rep", 1, null);
        String token = token(email, "password-123");
        long c = createCustomer(token, "{\"name\":\"" + unique("PageCo") + "\"}");
        String section = body(mvc.get().uri("/customers/" + c + "/opportunities?lang=en").header("HX-Request", "true").with(user(email)).exchange());
        assertThat(section).contains("/opportunities/new?customer=" + c).contains("No opportunities yet.");
        assertThat(body(mvc.get().uri("/opportunities/new?customer=" + c).with(user(email)).exchange())).contains("PageCo");
        var created = mvc.post().uri("/opportunities").param("name", "Page deal").param("customerId", String.valueOf(c))
                .param("stageId", String.valueOf(stage("Proposal"))).param("amount", "2500").param("currency", "cny")
                .with(user(email)).with(csrf()).exchange();
        assertThat(created).hasStatus3xxRedirection();
        String location = created.getResponse().getRedirectedUrl();
        String page = body(mvc.get().uri(location + "?lang=en").with(user(email)).exchange());
        assertThat(page).contains("Page deal").contains("CNY 2,500.00").contains("Proposal").contains("Stage history");
        String zh = body(mvc.get().uri(location + "?lang=zh-CN").with(user(email)).exchange());
        assertThat(zh).contains("方案报价").contains("进行中");
        assertThat(body(mvc.get().uri("/customers/" + c + "/opportunities").header("HX-Request", "true").with(user(email)).exchange()))
                .contains("Page deal");
    }

    @Test
    void aBadFormShowsTranslatedFieldErrorsAndAStaleEditSaysSo() {
        long c = createCustomer(adminToken(), "{\"name\":\"" + unique("FormCo") + "\"}");
        var bad = mvc.post().uri("/opportunities?lang=en").param("name", "").param("customerId", String.valueOf(c)).param("currency", "ZZZ")
                .with(user(ADMIN)).with(csrf()).exchange();
        assertThat(body(bad)).contains("is required").contains("is not an ISO currency code");
        long o = id(post(adminToken(), "/api/v1/opportunities", "{\"name\":\"edit me\",\"customerId\":" + c + "}"), "$.id");
        patch(adminToken(), "/api/v1/opportunities/" + o, "{\"amount\":5,\"version\":0}");
        var stale = mvc.post().uri("/opportunities/" + o + "?lang=en").param("version", "0").param("name", "mine")
                .with(user(ADMIN)).with(csrf()).exchange();
        assertThat(body(stale)).contains("Someone else changed this opportunity meanwhile");
        assertThat(id(get(adminToken(), "/api/v1/opportunities/" + o), "$.version")).isEqualTo(1);
    }

    @Test
    void theListFiltersByStatusAndPagesWithHtmx() {
        long c = createCustomer(adminToken(), "{\"name\":\"" + unique("ListCo") + "\"}");
        String tag = unique("lst");
        for (int i = 0; i < 55; i++) {
            post(adminToken(), "/api/v1/opportunities", "{\"name\":\"" + tag + " " + i + "\",\"customerId\":" + c + "}");
        }
        String html = body(mvc.get().uri("/opportunities?lang=en&status=open&q=" + tag).with(user(ADMIN)).exchange());
        assertThat(html).contains("55 records").contains("/api/v1/opportunities/export?status=open&amp;q=" + tag).contains(tag + " 54").doesNotContain(">" + tag + " 4<").contains("cursor=");
        String more = html.substring(html.indexOf("/opportunities?"));
        more = more.substring(0, more.indexOf('"')).replace("&amp;", "&");
        String rows = body(mvc.get().uri(more).header("HX-Request", "true").with(user(ADMIN)).exchange());
        assertThat(rows).contains(">" + tag + " 4<").doesNotContain("<html");
    }

    @Test
    void theWonButtonOnTheOpportunityPageClosesIt() {
        long c = createCustomer(adminToken(), "{\"name\":\"" + unique("WinCo") + "\"}");
        long o = id(post(adminToken(), "/api/v1/opportunities", "{\"name\":\"win me\",\"customerId\":" + c + "}"), "$.id");
        var r = mvc.post().uri("/opportunities/" + o + "/stage").param("version", "0").param("stageId", String.valueOf(stage("Won")))
                .with(user(ADMIN)).with(csrf()).exchange();
        assertThat(r).hasStatus3xxRedirection();
        assertThat((String) json(get(adminToken(), "/api/v1/opportunities/" + o), "$.status")).isEqualTo("won");
        var lost = mvc.post().uri("/opportunities/" + o + "/stage?lang=en").param("version", "1").param("stageId", String.valueOf(stage("Lost")))
                .with(user(ADMIN)).with(csrf()).exchange();
        assertThat(body(lost)).contains("is required when an opportunity is lost");
    }
}
