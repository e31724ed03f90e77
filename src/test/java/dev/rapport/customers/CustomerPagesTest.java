package dev.rapport.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.rapport.ApiTestSupport;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The server-rendered pages and their htmx fragments, as a signed-in admin. */
class CustomerPagesTest extends ApiTestSupport {

    private static final org.springframework.test.web.servlet.request.RequestPostProcessor ADMIN_USER = user(ADMIN);

    @Test
    void pagesRedirectToLoginWhenSignedOut() {
        var r = mvc.get().uri("/customers").accept(org.springframework.http.MediaType.TEXT_HTML).exchange();
        assertThat(r).hasStatus3xxRedirection();
        assertThat(r.getResponse().getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void theListRendersAndHtmxLoadsTheNextRowsAsAFragment() {
        String tag = unique("frag");
        for (int i = 0; i < 52; i++) {
            createCustomer(adminToken(), "{\"name\":\"Frag " + i + "\",\"tags\":[\"" + tag + "\"]}");
        }
        var page = mvc.get().uri("/customers?tag=" + tag).with(ADMIN_USER).exchange();
        assertThat(page).hasStatusOk();
        String html = body(page);
        assertThat(html).contains("<html").contains("id=\"customer-table\"").contains("Frag 51").doesNotContain("Frag 1<");
        String next = html.replaceAll("(?s).*hx-get=\"([^\"]*cursor=[^\"]*)\".*", "$1").replace("&amp;", "&");
        var fragment = mvc.get().uri(next).header("HX-Request", "true").with(ADMIN_USER).exchange();
        assertThat(fragment).hasStatusOk();
        assertThat(body(fragment)).doesNotContain("<html").contains("Frag 1<").contains("Frag 0<");
        var count = mvc.get().uri("/customers/count?tag=" + tag).header("HX-Request", "true").with(ADMIN_USER).exchange();
        assertThat(body(count)).contains("52");
    }

    @Test
    void pagesLoadHtmxFromItsVersionedWebJarPath() {
        String html = body(mvc.get().uri("/customers").with(ADMIN_USER).exchange());
        String src = html.replaceAll("(?s).*<script src=\"([^\"]*htmx[^\"]*)\".*", "$1");
        assertThat(src).matches("/webjars/htmx\\.org/\\d+\\.\\d+\\.\\d+/dist/htmx\\.min\\.js");
        assertThat(mvc.get().uri(src).exchange()).hasStatusOk();
    }

    @Test
    void formsNeedACsrfToken() {
        var noToken = mvc.post().uri("/customers").param("name", "No CSRF").with(ADMIN_USER).exchange();
        assertThat(noToken).hasStatus(403);
        var withToken = mvc.post().uri("/customers").param("name", unique("With CSRF")).param("type", "organization")
                .with(ADMIN_USER).with(csrf()).exchange();
        assertThat(withToken).hasStatus3xxRedirection();
        // the navigation's model (PageModel) goes to rendered pages only, never into a redirect's address
        assertThat(withToken.getResponse().getHeader("Location")).matches("/customers/\\d+");
    }

    @Test
    void aBadFormIsShownAgainWithTranslatedMessages() {
        var r = mvc.post().uri("/customers").param("name", "").param("type", "organization").param("phone", "12")
                .locale(Locale.SIMPLIFIED_CHINESE).with(ADMIN_USER).with(csrf()).exchange();
        assertThat(r).hasStatusOk();
        assertThat(body(r)).contains("不是有效的电话号码").contains("不能为空");
    }

    @Test
    void listCellsAreEscapedAndOnlyPhoneAndStatusStayOnAPhoneScreen() {
        String tag = unique("<b>cell</b>");
        // a number no other test uses: an import in create mode skips a row whose phone exists
        String digits = String.format("%08d", System.nanoTime() % 100_000_000L);
        createCustomer(adminToken(), "{\"name\":\"" + unique("Cells") + "\",\"phone\":\"158" + digits + "\",\"tags\":[\"" + tag + "\"]}");
        String html = body(mvc.get().uri("/customers?cols=phone&cols=tags&cols=status&tag={t}", tag).with(ADMIN_USER).exchange());
        String escaped = tag.replace("<", "&lt;").replace(">", "&gt;");
        assertThat(html).doesNotContain(tag).contains("<td class=\"opt\">" + escaped + "</td>");
        assertThat(html).containsPattern("<td>[^<]*" + digits.substring(4) + "</td>").containsPattern("<td>[^<]+</td>\\s*</tr>");
    }

    @Test
    void userTextIsEscaped() {
        long id = createCustomer(adminToken(), "{\"name\":\"<script>alert(1)</script>\",\"notes\":\"<img src=x onerror=alert(2)>\"}");
        String html = body(mvc.get().uri("/customers/" + id).with(ADMIN_USER).exchange());
        assertThat(html).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<img src=x");
    }

    @Test
    void theCustomerPageLoadsItsTimelineAndAddsActivitiesWithHtmx() {
        long id = createCustomer(adminToken(), "{\"name\":\"" + unique("Timeline page") + "\"}");
        assertThat(mvc.get().uri("/customers/" + id).with(ADMIN_USER).exchange()).hasStatusOk();
        var added = mvc.post().uri("/customers/" + id + "/activities").param("type", "call").param("subject", "Called about renewal")
                .header("HX-Request", "true").with(ADMIN_USER).with(csrf()).exchange();
        assertThat(added).hasStatusOk();
        assertThat(body(added)).doesNotContain("<html").contains("Called about renewal");
        var timeline = mvc.get().uri("/customers/" + id + "/timeline").header("HX-Request", "true").with(ADMIN_USER).exchange();
        assertThat(body(timeline)).contains("Called about renewal");
        var history = mvc.get().uri("/customers/" + id + "/history").header("HX-Request", "true").with(ADMIN_USER).exchange();
        assertThat(body(history)).contains("name");
    }

    @Test
    void anotherUsersCustomerPageIsNotFoundForARep() {
        long id = createCustomer(adminToken(), "{\"name\":\"" + unique("Hidden") + "\"}");
        String rep = unique("rep") + "@test.local";
        createUser(rep, "sales-rep", 1, null);
        assertThat(mvc.get().uri("/customers/" + id).with(user(rep)).exchange()).hasStatus(404);
    }

    @Test
    void theAdminLinkIsShownOnlyToAdministrators() {
        assertThat(body(mvc.get().uri("/customers").with(ADMIN_USER).exchange())).contains("href=\"/admin/users\"");
        String rep = unique("rep") + "@test.local";
        createUser(rep, "sales-rep", 1, null);
        assertThat(body(mvc.get().uri("/customers").with(user(rep)).exchange())).doesNotContain("href=\"/admin/users\"");
    }

    @Test
    void theUiSpeaksChineseWhenTheBrowserDoes() {
        var r = mvc.get().uri("/customers").header("Accept-Language", "zh-CN,zh;q=0.9").with(ADMIN_USER).exchange();
        assertThat(body(r)).contains("新建企业客户").contains("lang=\"zh-CN\"");
        var en = mvc.get().uri("/customers?lang=en").header("Accept-Language", "zh-CN").with(ADMIN_USER).exchange();
        assertThat(body(en)).contains("New customer");
    }
}
