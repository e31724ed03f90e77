package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class WebFormTest extends ApiTestSupport {

    private String form(long ownerId) {
        String key = unique("expo").toLowerCase();
        MvcTestResult r = post(adminToken(), "/api/v1/web-forms", "{\"key\":\"" + key + "\",\"title\":\"Expo <b>sign-up</b>\","
                + "\"fields\":[\"company\",\"email\",\"phone\"],\"thankYou\":\"Thanks!\",\"defaultSource\":\"expo\",\"ownerId\":" + ownerId + "}");
        assertThat(r).as(body(r)).hasStatus(201);
        return key;
    }

    private String tokenOf(String html) {
        Matcher m = Pattern.compile("name=\"_token\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group(1);
    }

    private MvcTestResult submit(String key, String ip, String name, String honeypot) {
        String token = tokenOf(body(mvc.get().uri("/forms/" + key).exchange()));
        return mvc.post().uri("/forms/" + key).with(r -> {
            r.setRemoteAddr(ip);
            return r;
        }).param("_token", token).param("name", name).param("company", "<script>alert(1)</script>")
                .param("email", name.toLowerCase() + "@visitor.cn").param("website", honeypot).exchange();
    }

    private List<Integer> leadsNamed(String name) {
        return json(get(adminToken(), "/api/v1/leads", "q", name), "$.items[*].id");
    }

    @Test
    void aVisitorCreatesALeadWithoutLoggingInAndTextIsEscaped() {
        long owner = createUser(unique("owner") + "@test.local", "sales-rep", 1, null);
        String key = form(owner);
        String page = body(mvc.get().uri("/forms/" + key).exchange());
        assertThat(page).contains("Expo &lt;b&gt;sign-up&lt;/b&gt;").contains("name=\"website\"");
        String name = unique("Visitor");
        MvcTestResult r = submit(key, "10.0.0.1", name, "");
        assertThat(r).hasStatus(200);
        assertThat(body(r)).contains("Thanks!");
        List<Integer> found = leadsNamed(name);
        assertThat(found).hasSize(1);
        MvcTestResult lead = get(adminToken(), "/api/v1/leads/" + found.get(0));
        assertThat(id(lead, "$.ownerId")).isEqualTo(owner);
        assertThat((String) json(lead, "$.source")).isEqualTo("expo");
        assertThat((String) json(lead, "$.company")).isEqualTo("<script>alert(1)</script>");
        assertThat(r.getResponse().getHeader("Content-Security-Policy")).contains("frame-ancestors *");
        assertThat(r.getResponse().getHeader("Set-Cookie")).isNull();
    }

    @Test
    void aBotThatFillsTheHoneypotIsThankedAndNothingIsStored() {
        String key = form(createUser(unique("owner") + "@test.local", "sales-rep", 1, null));
        String name = unique("Bot");
        MvcTestResult r = submit(key, "10.0.0.2", name, "http://spam.example");
        assertThat(r).hasStatus(200);
        assertThat(body(r)).contains("Thanks!");
        assertThat(leadsNamed(name)).isEmpty();
    }

    @Test
    void tooManyPostsFromOneAddressAreRefusedWith429() {
        String key = form(createUser(unique("owner") + "@test.local", "sales-rep", 1, null));
        for (int i = 0; i < 5; i++) {
            assertThat(submit(key, "10.0.0.3", unique("Many"), "")).hasStatus(200);
        }
        MvcTestResult refused = mvc.post().uri("/forms/" + key + "?lang=zh-CN").with(r -> {
            r.setRemoteAddr("10.0.0.3");
            return r;
        }).param("name", "x").exchange();
        assertThat(refused).hasStatus(429);
        assertThat(body(refused)).contains("提交过于频繁");
        assertThat(submit(key, "10.0.0.4", unique("Other"), "")).hasStatus(200);
    }

    @Test
    void aPostWithoutAValidTokenIsRefusedAndOtherPathsStayClosed() {
        String key = form(createUser(unique("owner") + "@test.local", "sales-rep", 1, null));
        String name = unique("Forged");
        MvcTestResult r = mvc.post().uri("/forms/" + key).param("_token", "1." + "a".repeat(43)).param("name", name)
                .param("email", "f@x.cn").exchange();
        assertThat(r).hasStatus(400);
        assertThat(leadsNamed(name)).isEmpty();
        // only /forms/{key} is public: a deeper path asks for a login like any other page
        assertThat(mvc.get().uri("/forms/" + key + "/anything").exchange().getResponse().getStatus()).isIn(302, 401, 403);
        assertThat(mvc.get().uri("/forms/" + unique("missing")).exchange()).hasStatus(404);
    }
}
