package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.rapport.ApiTestSupport;
import org.junit.jupiter.api.Test;

class PerformancePagesTest extends ApiTestSupport {

    @Test
    void thePageShowsTheRankingChartsAndSortLinksInBothLanguages() {
        String a = unique("rep") + "@test.local";
        String b = unique("rep") + "@test.local";
        createUser(a, "sales-rep", 1, null);
        createUser(b, "sales-rep", 1, null);
        long c = createCustomer(token(a, "password-123"), "{\"name\":\"" + unique("Page") + "\"}");
        assertThat(post(token(a, "password-123"), "/api/v1/activities", "{\"customerId\":" + c + ",\"type\":\"call\",\"subject\":\"s\"}"))
                .hasStatus(201);

        var r = mvc.get().uri("/performance?period=year&lang=en&sort=activityTotal&dir=desc").with(user(ADMIN)).exchange();
        assertThat(r).hasStatusOk();
        String en = body(r);
        assertThat(en).contains("Performance review").contains("id=\"performance-table\"").contains(a)
                .contains("data-chart=").contains("chart-won").contains("chart-activities").contains("chart-funnel")
                .contains("/webjars/chart.js/").contains("/js/performance.js")
                // the sorted column's link turns the order round
                .contains("sort=activityTotal&amp;dir=asc");
        // a rep's page has only their own row
        String zh = body(mvc.get().uri("/performance?period=year&lang=zh-CN").with(user(a)).exchange());
        assertThat(zh).contains("业绩考核").contains("赢单率").contains(a).doesNotContain(b);
        // the script may load: the CSP allows scripts from the app itself, and the chart data is no script
        assertThat(r.getResponse().getHeader("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(en).doesNotContain("<script>");
    }

    @Test
    void badParametersShowTheErrorAboveThisMonthsReview() {
        String html = body(mvc.get().uri("/performance?from=2026-05-01&to=2026-04-01&lang=en").with(user(ADMIN)).exchange());
        assertThat(html).contains("data-field=\"to\"").contains("must be after the start date").contains("id=\"performance-table\"");
    }

    @Test
    void theNavigationLinksToThePage() {
        String html = body(mvc.get().uri("/targets?lang=en").with(user(ADMIN)).exchange());
        assertThat(html).contains("href=\"/performance\"");
    }
}
