package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.rapport.ApiTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoardPagesTest extends ApiTestSupport {

    long stage(String name) {
        List<Number> ids = json(get(adminToken(), "/api/v1/pipelines"), "$[0].stages[?(@.name == '" + name + "')].id");
        return ids.get(0).longValue();
    }

    @Test
    void theBoardShowsAColumnPerStageWithCardsAndTotals() {
        String email = unique("rep") + "@test.local";
        createUser(email, "sales-rep", 1, null);
        String token = token(email, "password-123");
        long c = createCustomer(token, "{\"name\":\"" + unique("BoardCo") + "\"}");
        String name = unique("Board deal");
        post(token, "/api/v1/opportunities", "{\"name\":\"" + name + "\",\"customerId\":" + c + ",\"amount\":1000}");
        String html = body(mvc.get().uri("/opportunities/board?lang=en&owner=" + users.findByEmail(email).orElseThrow().id()).with(user(email)).exchange());
        assertThat(html).contains("Qualification", "Negotiation", "Won", "Lost").contains(name)
                .contains("CNY 1,000.00").contains("1 opportunities").contains("weighted 100.00");
        String zh = body(mvc.get().uri("/opportunities/board?lang=zh-CN").with(user(email)).exchange());
        assertThat(zh).contains("资格确认", "谈判", "赢单", "输单");
    }

    @Test
    void aDropMovesTheCardAndAStaleDropIsAConflictWithAMessage() {
        String email = unique("rep") + "@test.local";
        createUser(email, "sales-rep", 1, null);
        String token = token(email, "password-123");
        long c = createCustomer(token, "{\"name\":\"" + unique("DropCo") + "\"}");
        long o = id(post(token, "/api/v1/opportunities", "{\"name\":\"drop me\",\"customerId\":" + c + "}"), "$.id");
        var moved = mvc.post().uri("/opportunities/" + o + "/move?lang=en").param("stageId", String.valueOf(stage("Proposal")))
                .param("version", "0").header("HX-Request", "true").with(user(email)).with(csrf()).exchange();
        assertThat(moved).hasStatusOk();
        assertThat(body(moved)).contains("data-version=\"1\"").contains("drop me");
        var stale = mvc.post().uri("/opportunities/" + o + "/move?lang=en").param("stageId", String.valueOf(stage("Won")))
                .param("version", "0").header("HX-Request", "true").with(user(email)).with(csrf()).exchange();
        assertThat(stale).hasStatus(409);
        assertThat(body(stale)).contains("Someone else changed this opportunity");
        var noReason = mvc.post().uri("/opportunities/" + o + "/move?lang=en").param("stageId", String.valueOf(stage("Lost")))
                .param("version", "1").header("HX-Request", "true").with(user(email)).with(csrf()).exchange();
        assertThat(noReason).hasStatus(400);
        assertThat(body(noReason)).contains("Loss reason");
    }

    @Test
    void aBusyColumnShowsTwentyCardsAndLoadsMoreByHtmx() {
        String email = unique("rep") + "@test.local";
        long me = createUser(email, "sales-rep", 1, null);
        String token = token(email, "password-123");
        long c = createCustomer(token, "{\"name\":\"" + unique("Busy") + "\"}");
        for (int i = 1; i <= 25; i++) {
            post(token, "/api/v1/opportunities", "{\"name\":\"card " + i + "\",\"customerId\":" + c + "}");
        }
        String html = body(mvc.get().uri("/opportunities/board?lang=en&owner=" + me).with(user(email)).exchange());
        assertThat(html).contains("card 25").contains(">card 6<").doesNotContain(">card 5<").contains("25 opportunities");
        String more = html.substring(html.indexOf("/opportunities/board/column?"));
        more = more.substring(0, more.indexOf('"')).replace("&amp;", "&");
        var r = mvc.get().uri(more).header("HX-Request", "true").with(user(email)).exchange();
        assertThat(r).hasStatusOk();
        assertThat(body(r)).contains(">card 5<").contains(">card 1<").contains("hx-swap-oob");
    }
}
