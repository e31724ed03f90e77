package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.rapport.ApiTestSupport;
import org.junit.jupiter.api.Test;

class TargetPagesTest extends ApiTestSupport {

    @Test
    void aManagerSetsATargetOnThePageAndARepSeesOnlyTheirOwn() {
        String a = unique("rep") + "@test.local";
        String b = unique("rep") + "@test.local";
        long ida = createUser(a, "sales-rep", 1, null);
        long idb = createUser(b, "sales-rep", 1, null);
        var r = mvc.post().uri("/targets").param("subjectType", "user").param("userId", String.valueOf(ida))
                .param("periodType", "quarter").param("periodStart", "2029-04-01").param("amount", "88000")
                .param("currency", "CNY").param("wonCount", "3").with(user(ADMIN)).with(csrf()).exchange();
        assertThat(r).hasStatus3xxRedirection();
        assertThat(post(adminToken(), "/api/v1/targets", "{\"subjectType\":\"user\",\"subjectId\":" + idb
                + ",\"periodType\":\"quarter\",\"periodStart\":\"2029-04-01\",\"amount\":1}")).hasStatus(201);

        String en = body(mvc.get().uri("/targets?period=quarter&start=2029-05-10&lang=en").with(user(ADMIN)).exchange());
        assertThat(en).contains("Sales targets").contains("CNY 88000.00").contains("Set a target").contains(a);
        String zh = body(mvc.get().uri("/targets?period=quarter&start=2029-04-01&lang=zh-CN").with(user(a)).exchange());
        assertThat(zh).contains("销售目标").contains(a).doesNotContain(b).doesNotContain("设置目标");

        var bad = mvc.post().uri("/targets").param("subjectType", "user").param("userId", String.valueOf(ida))
                .param("periodType", "quarter").param("periodStart", "2029-05-01").param("amount", "-1")
                .with(user(ADMIN)).with(csrf()).exchange();
        assertThat(body(bad)).contains("data-field=\"amount\"").contains("data-field=\"periodStart\"").contains("value=\"-1\"");
    }

    @Test
    void theForecastPageShowsTheMonthsInBothLanguages() {
        String en = body(mvc.get().uri("/forecast?from=2031-01&months=3&lang=en").with(user(ADMIN)).exchange());
        assertThat(en).contains("Sales forecast").contains("2031-01").contains("2031-03").doesNotContain(">2031-04<");
        String zh = body(mvc.get().uri("/forecast?from=2031-01&groupBy=department&lang=zh-CN").with(user(ADMIN)).exchange());
        assertThat(zh).contains("销售预测").contains("部门");
    }
}
