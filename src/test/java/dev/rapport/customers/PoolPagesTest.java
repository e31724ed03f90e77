package dev.rapport.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.rapport.ApiTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolPagesTest extends ApiTestSupport {

    private long pool(String name, long department) {
        var r = post(adminToken(), "/api/v1/pools", "{\"name\":\"" + name + "\",\"claimCap\":5,\"followUpDays\":30,\"departmentIds\":[" + department + "]}");
        assertThat(r).as(body(r)).hasStatus(201);
        return id(r, "$.id");
    }

    private long inPool(long pool, String name) {
        long c = createCustomer(adminToken(), "{\"name\":\"" + name + "\"}");
        assertThat(post(adminToken(), "/api/v1/customers/" + c + "/release", "{\"poolId\":" + pool + ",\"reason\":\"r\",\"version\":0}"))
                .hasStatus(204);
        return c;
    }

    @Test
    void aRepSeesThePoolInBothLanguagesClaimsFromItAndReleasesFromTheCustomerPage() {
        long dept = createDepartment(unique("华南"), 1);
        String email = unique("rep") + "@test.local";
        createUser(email, "sales-rep", dept, null);
        String poolName = unique("华南公海");
        long pool = pool(poolName, dept);
        String name = unique("深圳<b>客户</b>");
        long c = inPool(pool, name);

        String en = body(mvc.get().uri("/pools?lang=en&pool=" + pool).with(user(email)).exchange());
        assertThat(en).contains(poolName, "Claim selected", "At most 5 per rep", "Back to the pool after 30 days without follow-up")
                .contains("深圳&lt;b&gt;客户&lt;/b&gt;").doesNotContain("<b>客户</b>");
        String zh = body(mvc.get().uri("/pools?lang=zh-CN&pool=" + pool).with(user(email)).exchange());
        assertThat(zh).contains("公海池", "领取所选", "每人最多 5 个");

        String panel = body(mvc.get().uri("/customers/" + c + "/pool?lang=en").with(user(email)).exchange());
        assertThat(panel).contains("id=\"claim-customer\"").doesNotContain("release-form");

        var claimed = mvc.post().uri("/pools/" + pool + "/claim").param("ids", String.valueOf(c)).with(user(email)).with(csrf()).exchange();
        assertThat(claimed).hasStatus3xxRedirection();
        assertThat(body(mvc.get().uri("/pools?lang=en&pool=" + pool).with(user(email)).exchange())).doesNotContain(">" + name.substring(0, 8));
        String owned = body(mvc.get().uri("/customers/" + c + "/pool?lang=en").with(user(email)).exchange());
        assertThat(owned).contains("release-form").doesNotContain("claim-customer");

        var version = mvc.get().uri("/api/v1/customers/" + c).header("Authorization", "Bearer " + adminToken()).exchange();
        long v = ((Number) json(version, "$.version")).longValue();
        var released = mvc.post().uri("/customers/" + c + "/release").param("reason", "wrong region").param("version", String.valueOf(v))
                .param("poolId", String.valueOf(pool)).with(user(email)).with(csrf()).exchange();
        assertThat(released).hasStatus3xxRedirection();
        assertThat(body(mvc.get().uri("/customers/" + c + "?lang=zh-CN").with(user(email)).exchange())).contains("公海");
    }

    @Test
    void aRepOfAnotherDepartmentGetsNotFoundAndTheAdminPageNeedsPoolManage() {
        long dept = createDepartment(unique("华北"), 1);
        long other = createDepartment(unique("西南"), 1);
        String email = unique("rep") + "@test.local";
        createUser(email, "sales-rep", other, null);
        long pool = pool(unique("华北公海"), dept);
        long c = inPool(pool, unique("北京客户"));
        assertThat(mvc.get().uri("/pools?pool=" + pool).with(user(email)).exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/customers/" + c).with(user(email)).exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/admin/pools").with(user(email)).exchange()).hasStatus(403);
        String admin = body(mvc.get().uri("/admin/pools?lang=en").with(user(ADMIN)).exchange());
        assertThat(admin).contains("Public pools and rules", "Claim cap per rep");
        var saved = mvc.post().uri("/admin/pools").param("name", unique("新公海")).param("claimCap", "3").param("enabled", "true")
                .with(user(ADMIN)).with(csrf()).exchange();
        assertThat(saved).hasStatus3xxRedirection();
        // admins see pool customers in the customer list, with the pool as owner
        assertThat(body(mvc.get().uri("/customers?lang=zh-CN&cols=owner&q=" + "北京客户").with(user(ADMIN)).exchange())).contains("公海");
    }

    @Test
    void theWarningLinkShowsTheOwnersCustomersDueBack() {
        long dept = createDepartment(unique("华中"), 1);
        String email = unique("rep") + "@test.local";
        createUser(email, "sales-rep", dept, null);
        var r = post(adminToken(), "/api/v1/pools", "{\"name\":\"" + unique("短期") + "\",\"followUpDays\":2,\"warningDays\":3,\"departmentIds\":[" + dept + "]}");
        long pool = id(r, "$.id");
        String name = unique("武汉客户");
        long c = inPool(pool, name);
        assertThat(post(token(email, "password-123"), "/api/v1/pools/" + pool + "/claim", "{\"customerIds\":[" + c + "]}")).hasStatusOk();
        assertThat(body(mvc.get().uri("/pools/due?lang=en").with(user(email)).exchange())).contains(name, "Due back");
    }

    @Test
    void aManagerAssignsSelectedPoolCustomersFromThePoolPageAndARepSeesNoAssignControl() {
        long dept = createDepartment(unique("华东"), 1);
        String manager = unique("mgr") + "@test.local";
        long managerId = createUser(manager, "sales-manager", dept, null);
        String rep = unique("rep") + "@test.local";
        long repId = createUser(rep, "sales-rep", dept, managerId);
        long pool = pool(unique("华东公海"), dept);
        long a = inPool(pool, unique("分配甲"));
        long b = inPool(pool, unique("分配乙"));

        String page = body(mvc.get().uri("/pools?lang=en&pool=" + pool).with(user(manager)).exchange());
        assertThat(page).contains("id=\"assign-selected\"", "Assign selected").contains("value=\"" + repId + "\"");
        assertThat(body(mvc.get().uri("/pools?lang=zh-CN&pool=" + pool).with(user(manager)).exchange())).contains("分配所选");
        assertThat(body(mvc.get().uri("/pools?lang=en&pool=" + pool).with(user(rep)).exchange())).doesNotContain("assign-selected");

        var none = mvc.post().uri("/pools/" + pool + "/assign").param("ids", String.valueOf(a)).with(user(manager)).with(csrf()).exchange();
        assertThat(none).hasStatus3xxRedirection();
        Object stillUnowned = json(get(adminToken(), "/api/v1/customers/" + a), "$.ownerId");
        assertThat(stillUnowned).as("no owner chosen: nothing assigned").isNull();

        var assigned = mvc.post().uri("/pools/" + pool + "/assign?lang=en").param("ids", String.valueOf(a)).param("ids", String.valueOf(b))
                .param("ownerId", String.valueOf(repId)).with(user(manager)).with(csrf()).exchange();
        assertThat(assigned).hasStatus3xxRedirection();
        assertThat((Object) assigned.getMvcResult().getFlashMap().get("flash")).isEqualTo("Assigned 2 of 2");
        assertThat(((Number) json(get(adminToken(), "/api/v1/customers/" + a), "$.ownerId")).longValue()).isEqualTo(repId);
        assertThat(((Number) json(get(adminToken(), "/api/v1/customers/" + b), "$.ownerId")).longValue()).isEqualTo(repId);

        var byRep = mvc.post().uri("/pools/" + pool + "/assign").param("ids", String.valueOf(a)).param("ownerId", String.valueOf(repId))
                .with(user(rep)).with(csrf()).exchange();
        assertThat(byRep).hasStatus(403);
    }

    @Test
    void theCustomerListReleasesTheSelectedCustomersAndListsTheRefusedOnesWithWhy() {
        long dept = createDepartment(unique("华西"), 1);
        String email = unique("rep") + "@test.local";
        long repId = createUser(email, "sales-rep", dept, null);
        String token = token(email, "password-123");
        String poolName = unique("华西公海");
        long pool = pool(poolName, dept);
        String aName = unique("退回甲");
        long a = createCustomer(token, "{\"name\":\"" + aName + "\"}");
        long b = createCustomer(token, "{\"name\":\"" + unique("退回乙") + "\"}");
        String waitingName = unique("池中丙");
        long waiting = inPool(pool, waitingName);

        String en = body(mvc.get().uri("/customers?lang=en").with(user(email)).exchange());
        assertThat(en).contains("id=\"customer-bulk-release\"", "formaction=\"/pools/release\"", "Release to pool")
                .contains("<option value=\"" + pool + "\">" + poolName + "</option>");
        assertThat(body(mvc.get().uri("/customers?lang=zh-CN").with(user(email)).exchange())).contains("退回公海", "各自来源的公海池");

        var released = mvc.post().uri("/pools/release?lang=en").with(user(email)).with(csrf())
                .param("ids", "" + waiting, "" + a, "" + b).param("poolId", "" + pool).param("reason", "asked to stop calling")
                .param("back", "status=potential").exchange();
        assertThat(released).hasStatus3xxRedirection();
        assertThat(released.getResponse().getRedirectedUrl()).isEqualTo("/customers?status=potential");
        assertThat((Object) released.getMvcResult().getFlashMap().get("flash")).isEqualTo("Released 2 of 3 customers to the pool");
        assertThat((List<String>) released.getMvcResult().getFlashMap().get("results"))
                .containsExactly("#" + waiting + " " + waitingName + ": Already in a public pool");
        assertThat((Object) json(get(adminToken(), "/api/v1/customers/" + a), "$.ownerId")).isNull();
        assertThat(((Number) json(get(adminToken(), "/api/v1/customers/" + b), "$.poolId")).longValue()).isEqualTo(pool);
        assertThat(body(get(adminToken(), "/api/v1/customers/" + b + "/history"))).contains("pool.release", "asked to stop calling");

        // the refused ones are shown on the list the user came from (the flash lives in the shared session store)
        String after = body(mvc.get().uri("/customers?status=potential&lang=en").cookie(released.getResponse().getCookies())
                .with(user(email)).exchange());
        assertThat(after).contains("id=\"customer-bulk-results\"").contains("#" + waiting + " " + waitingName + ": Already in a public pool");

        long c = createCustomer(token, "{\"name\":\"" + unique("退回丁") + "\"}");
        var zh = mvc.post().uri("/pools/release?lang=zh-CN").with(user(email)).with(csrf()).param("ids", "" + c, "" + waiting)
                .param("reason", "不再跟进").exchange();
        assertThat((Object) zh.getMvcResult().getFlashMap().get("flash")).isEqualTo("已将 0 / 2 个客户退回公海");
        assertThat((List<String>) zh.getMvcResult().getFlashMap().get("results"))
                .containsExactly("#" + c + " " + json(get(token, "/api/v1/customers/" + c), "$.name") + ": 没有可退回的公海池",
                        "#" + waiting + " " + waitingName + ": 已在公海中");
        var noReason = mvc.post().uri("/pools/release?lang=zh-CN").with(user(email)).with(csrf()).param("ids", "" + c)
                .param("poolId", "" + pool).exchange();
        assertThat((Object) noReason.getMvcResult().getFlashMap().get("flash")).isEqualTo("原因: 不能为空");
        assertThat(((Number) json(get(token, "/api/v1/customers/" + c), "$.ownerId")).longValue()).isEqualTo(repId);
        var none = mvc.post().uri("/pools/release?lang=en").with(user(email)).with(csrf()).param("reason", "x").exchange();
        assertThat((Object) none.getMvcResult().getFlashMap().get("flash")).asString().startsWith("Records: ");
    }
}
