package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.rapport.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class LeadPagesTest extends ApiTestSupport {

    private String rep() {
        String email = unique("rep") + "@test.local";
        createUser(email, "sales-rep", 1, null);
        return email;
    }

    @Test
    void createsALeadFromTheFormAndShowsItEscapedInTheListAndOnItsPage() {
        String email = rep();
        String name = unique("<i>Chen</i>");
        MvcTestResult created = mvc.post().uri("/leads").with(user(email)).with(csrf()).param("name", name)
                .param("company", "Acme").param("email", unique("c") + "@acme.cn").exchange();
        assertThat(created).hasStatus3xxRedirection();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/leads/");
        String page = body(mvc.get().uri(location + "?lang=en").with(user(email)).exchange());
        assertThat(page).contains("&lt;i&gt;Chen").doesNotContain("<i>Chen").contains("Convert").contains("New");
        String list = body(mvc.get().uri("/leads?lang=zh-CN").param("q", name).with(user(email)).exchange());
        assertThat(list).contains("&lt;i&gt;Chen").contains("线索").contains("新线索");
    }

    @Test
    void theFormShowsTranslatedFieldErrorsAndPostsNeedTheCsrfToken() {
        String email = rep();
        String page = body(mvc.post().uri("/leads?lang=en").with(user(email)).with(csrf()).param("name", "").param("email", "bad").exchange());
        assertThat(page).contains("is not a valid e-mail address").contains("data-field=\"name\"");
        assertThat(mvc.post().uri("/leads").with(user(email)).param("name", "x").param("email", "x@y.cn").exchange()).hasStatus(403);
    }

    @Test
    void anotherRepsLeadPageIsNotFound() {
        String owner = rep();
        String other = rep();
        MvcTestResult created = mvc.post().uri("/leads").with(user(owner)).with(csrf()).param("name", "Mine")
                .param("email", unique("m") + "@x.cn").exchange();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(mvc.get().uri(location).with(user(other)).exchange()).hasStatus(404);
        assertThat(mvc.get().uri(location + "/convert").with(user(other)).exchange()).hasStatus(404);
    }

    @Test
    void theConvertPageConvertsAndLandsOnTheCustomerAndTheTimelineTakesNotes() {
        String email = rep();
        String company = unique("Page Co");
        MvcTestResult created = mvc.post().uri("/leads").with(user(email)).with(csrf()).param("name", "Liu Yang")
                .param("company", company).param("email", unique("l") + "@page.cn").exchange();
        String location = created.getResponse().getRedirectedUrl();
        MvcTestResult note = mvc.post().uri(location + "/activities").with(user(email)).with(csrf()).header("HX-Request", "true")
                .param("type", "note").param("subject", "asked for a quote").exchange();
        assertThat(body(note)).contains("asked for a quote").contains("timeline-inner");
        String convertPage = body(mvc.get().uri(location + "/convert?lang=en").with(user(email)).exchange());
        assertThat(convertPage).contains("customer-new").contains(company);
        MvcTestResult converted = mvc.post().uri(location + "/convert").with(user(email)).with(csrf()).param("customer", "new")
                .param("version", "0").exchange();
        assertThat(converted).hasStatus3xxRedirection();
        assertThat(converted.getResponse().getRedirectedUrl()).startsWith("/customers/");
        String again = mvc.get().uri(location + "/convert").with(user(email)).exchange().getResponse().getRedirectedUrl();
        assertThat(again).isEqualTo(location);
    }

    @Test
    void adminsManageRulesAndFormsOnTheirPagesAndRepsMayNot() {
        String key = unique("page-form").toLowerCase();
        assertThat(mvc.post().uri("/admin/web-forms").with(user(ADMIN)).with(csrf()).param("key", key).param("title", "Contact")
                .param("fields", "email").exchange()).hasStatus3xxRedirection();
        assertThat(body(mvc.get().uri("/admin/web-forms?lang=en").with(user(ADMIN)).exchange())).contains("/forms/" + key).contains("iframe");
        String rule = unique("Rule");
        assertThat(mvc.post().uri("/admin/assignment-rules").with(user(ADMIN)).with(csrf()).param("name", rule)
                .param("strategy", "fixed").param("userIds", "1").param("matchSource", unique("src")).exchange()).hasStatus3xxRedirection();
        assertThat(body(mvc.get().uri("/admin/assignment-rules?lang=zh-CN").with(user(ADMIN)).exchange())).contains(rule).contains("指定人员");
        String rep = rep();
        assertThat(mvc.get().uri("/admin/assignment-rules").with(user(rep)).exchange()).hasStatus(403);
        assertThat(mvc.get().uri("/admin/web-forms").with(user(rep)).exchange()).hasStatus(403);
    }
}
