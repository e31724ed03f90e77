package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.rapport.ApiTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The receivables page's filters (overdue only or all, one owner) with keyset paging, and the credit terms on the customer page. */
class ReceivablePagesTest extends ApiTestSupport {

    private record Rep(String email, String token, long id) {
    }

    private Rep rep() {
        String email = unique("ar") + "@test.local";
        long id = createUser(email, "sales-rep", 1, null);
        return new Rep(email, token(email, "password-123"), id);
    }

    private long customerWithOrder(Rep rep, String name, String date, String total) {
        long c = createCustomer(rep.token(), "{\"name\":\"" + name + "\"}");
        String when = date == null ? "" : "\"orderDate\":\"" + date + "\",";
        long o = id(post(rep.token(), "/api/v1/orders", "{\"customerId\":" + c + "," + when + "\"total\":" + total + "}"), "$.id");
        assertThat(post(rep.token(), "/api/v1/orders/" + o + "/confirm", "{}")).hasStatus(200);
        return c;
    }

    @Test
    void overdueOnlyOrAllOpenReceivablesOfOneOwnerPageByKeyset() {
        Rep a = rep();
        Rep b = rep();
        String late = unique("Late payer");
        String onTime = unique("Not yet due");
        long lateId = customerWithOrder(a, late, "2026-01-01", "100");
        long onTimeId = customerWithOrder(a, onTime, null, "50");
        String other = unique("Other rep");
        customerWithOrder(b, other, "2026-01-01", "70");

        String overdue = body(mvc.get().uri("/receivables?lang=en").with(user(a.email())).exchange());
        assertThat(overdue).contains(late).doesNotContain(onTime).contains("Overdue only");
        String all = body(mvc.get().uri("/receivables?show=all&lang=en").with(user(a.email())).exchange());
        assertThat(all).contains(late).contains(onTime).contains("Open receivables");

        // a rep sees only their own; choosing someone else's records is refused with a message
        String foreign = body(mvc.get().uri("/receivables?ownerId=" + b.id() + "&lang=en").with(user(a.email())).exchange());
        assertThat(foreign).contains("data-field=\"ownerId\"");
        String ofA = body(mvc.get().uri("/receivables?show=all&ownerId=" + a.id()).with(user(ADMIN)).exchange());
        assertThat(ofA).contains(late).contains(onTime).doesNotContain(other);

        // keyset paging over one owner's open receivables, one row at a time: the most overdue first, each once
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = get(adminToken(), "/api/v1/receivables?overdueOnly=false&ownerId=" + a.id() + "&limit=1"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page).hasStatusOk();
            List<Number> ids = json(page, "$.items[*].customerId");
            ids.forEach(n -> seen.add(n.longValue()));
            cursor = json(page, "$.next");
        } while (cursor != null);
        assertThat(seen).containsExactly(lateId, onTimeId);

        var more = mvc.get().uri("/receivables?show=all&ownerId=" + a.id() + "&cursor="
                + json(get(adminToken(), "/api/v1/receivables?overdueOnly=false&ownerId=" + a.id() + "&limit=1"), "$.next"))
                .header("HX-Request", "true").with(user(ADMIN)).exchange();
        assertThat(body(more)).doesNotContain("<html").contains("<tr");
    }

    @Test
    void managersEditCreditTermsOnTheCustomerPageAndEveryoneSeesWhyTheFlagIsUp() {
        Rep a = rep();
        long c = customerWithOrder(a, unique("Terms"), null, "10");
        String repView = body(mvc.get().uri("/customers/" + c + "/orders?lang=en").header("HX-Request", "true").with(user(a.email())).exchange());
        assertThat(repView).contains("id=\"risk-rules\"").contains("longer than 90 days").contains("set by managers")
                .contains("(company default)").doesNotContain("credit-terms-form");

        String admin = body(mvc.get().uri("/customers/" + c + "/orders?lang=en").header("HX-Request", "true").with(user(ADMIN)).exchange());
        assertThat(admin).contains("id=\"credit-terms-form\"");
        var saved = mvc.post().uri("/customers/" + c + "/credit-terms?lang=en").header("HX-Request", "true").with(user(ADMIN)).with(csrf())
                .param("paymentTermDays", "120").param("creditLimit", "5").param("currency", "CNY").param("version", "0").exchange();
        assertThat(body(saved)).contains("id=\"risk-flag\"").contains("Long payment term (120 days)")
                .contains("Receivables above the credit limit").doesNotContain("(company default)").doesNotContain("<html");
        var bad = mvc.post().uri("/customers/" + c + "/credit-terms?lang=en").header("HX-Request", "true").with(user(ADMIN)).with(csrf())
                .param("paymentTermDays", "9999").param("creditLimit", "x").param("version", "1").exchange();
        assertThat(body(bad)).contains("data-field=\"creditLimit\"");
        var stale = mvc.post().uri("/customers/" + c + "/credit-terms?lang=en").header("HX-Request", "true").with(user(ADMIN)).with(csrf())
                .param("paymentTermDays", "10").param("currency", "CNY").param("version", "7").exchange();
        assertThat(body(stale)).contains("changed this meanwhile");
    }
}
