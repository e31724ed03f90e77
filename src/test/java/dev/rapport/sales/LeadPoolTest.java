package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.rapport.ApiTestSupport;
import dev.rapport.customers.pools.PoolRecapture;
import dev.rapport.identity.CurrentUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Leads in the public pools: claim within the cap, release, assign, move, visibility, recapture, pages. */
class LeadPoolTest extends ApiTestSupport {

    @Autowired LeadPools leadPools;
    @Autowired PoolRecapture recapture;
    @Autowired JdbcClient jdbc;

    record Team(long department, String rep, long repId, String repEmail) {
    }

    private Team team() {
        long dept = createDepartment(unique("华南区"), 1);
        return member(dept);
    }

    private Team member(long dept) {
        String email = unique("rep") + "@test.local";
        long id = createUser(email, "sales-rep", dept, null);
        return new Team(dept, token(email, "password-123"), id, email);
    }

    private long pool(String json) {
        MvcTestResult r = post(adminToken(), "/api/v1/pools", json);
        assertThat(r).as(body(r)).hasStatus(201);
        return id(r, "$.id");
    }

    /** A lead created by the admin and released into the pool. */
    private long inPool(long poolId) {
        MvcTestResult created = post(adminToken(), "/api/v1/leads", "{\"name\":\"" + unique("公海线索") + "\",\"email\":\"" + unique("p")
                + "@pool.cn\",\"ownerId\":" + users.load(ADMIN).orElseThrow().id() + "}");
        long lead = id(created, "$.lead.id");
        MvcTestResult r = post(adminToken(), "/api/v1/leads/" + lead + "/release",
                "{\"poolId\":" + poolId + ",\"reason\":\"not reachable\",\"version\":" + id(created, "$.lead.version") + "}");
        assertThat(r).as(body(r)).hasStatus(204);
        return lead;
    }

    private Long owner(long leadId) {
        return jdbc.sql("select owner_id from leads where id = :id").param("id", leadId).query(Long.class).list().get(0);
    }

    private Long poolOf(long leadId) {
        return jdbc.sql("select pool_id from leads where id = :id").param("id", leadId).query(Long.class).list().get(0);
    }

    @Test
    void repsClaimLeadsUpToTheCapAndReleaseThemWithAReason() {
        Team east = team();
        long pool = pool("{\"name\":\"" + unique("线索池") + "\",\"claimCap\":2,\"departmentIds\":[" + east.department() + "]}");
        long a = inPool(pool);
        long b = inPool(pool);
        long c = inPool(pool);
        assertThat(owner(a)).isNull();
        assertThat(poolOf(a)).isEqualTo(pool);
        assertThat(body(get(east.rep(), "/api/v1/pools/" + pool + "/leads"))).contains("\"id\":" + a).contains("\"total\":3");

        MvcTestResult claimed = post(east.rep(), "/api/v1/pools/" + pool + "/leads/claim", "{\"leadIds\":[" + a + "," + b + "," + c + "]}");
        assertThat(claimed).as(body(claimed)).hasStatusOk();
        assertThat((List<String>) json(claimed, "$.results[*].result")).containsExactly("claimed", "claimed", "capReached");
        assertThat(owner(a)).isEqualTo(east.repId());
        MvcTestResult capped = post(east.rep(), "/api/v1/pools/" + pool + "/leads/claim", "{\"leadIds\":[" + c + "]}");
        assertThat(capped).hasStatus(409);
        assertThat(body(capped)).contains("\"cap\":2");

        // the cap counts leads apart from customers, and a release makes room
        MvcTestResult noReason = post(east.rep(), "/api/v1/leads/" + a + "/release", "{\"version\":1}");
        assertThat(noReason).hasStatus(400);
        assertThat(body(noReason)).contains("reason");
        long version = id(get(east.rep(), "/api/v1/leads/" + a), "$.version");
        assertThat(post(east.rep(), "/api/v1/leads/" + a + "/release", "{\"reason\":\"wrong region\",\"version\":" + (version + 5) + "}"))
                .hasStatus(409);
        assertThat(post(east.rep(), "/api/v1/leads/" + a + "/release", "{\"reason\":\"wrong region\",\"version\":" + version + "}"))
                .hasStatus(204);
        assertThat(owner(a)).isNull();
        assertThat(poolOf(a)).isEqualTo(pool);
        String history = body(get(adminToken(), "/api/v1/leads/" + a + "/history"));
        assertThat(history).contains("pool.claim").contains("pool.release").contains("wrong region");
        assertThat(post(east.rep(), "/api/v1/pools/" + pool + "/leads/claim", "{\"leadIds\":[" + c + "]}")).hasStatusOk();
        assertThat(owner(c)).isEqualTo(east.repId());
    }

    @Test
    void poolLeadsFollowThePoolsVisibilityAndCannotBeEditedUntilClaimed() {
        Team east = team();
        Team north = team();
        long pool = pool("{\"name\":\"" + unique("东区池") + "\",\"departmentIds\":[" + east.department() + "]}");
        long lead = inPool(pool);
        assertThat(get(east.rep(), "/api/v1/leads/" + lead)).hasStatusOk();
        assertThat(get(north.rep(), "/api/v1/leads/" + lead)).hasStatus(404);
        assertThat(get(north.rep(), "/api/v1/pools/" + pool + "/leads")).hasStatus(404);
        assertThat(post(north.rep(), "/api/v1/pools/" + pool + "/leads/claim", "{\"leadIds\":[" + lead + "]}")).hasStatus(404);
        MvcTestResult edit = put(east.rep(), "/api/v1/leads/" + lead, "{\"name\":\"mine now\",\"email\":\"x@y.cn\",\"version\":1}", null);
        assertThat(edit).hasStatus(400);
        // a rep's lead list shows only their own leads, so the pool lead is not there
        assertThat(body(get(east.rep(), "/api/v1/leads"))).doesNotContain("\"id\":" + lead + ",");
    }

    @Test
    void twoRepsClaimingTheSameLeadAtOnceHaveOneWinner() throws Exception {
        Team east = team();
        Team second = member(east.department());
        long pool = pool("{\"name\":\"" + unique("抢池") + "\",\"departmentIds\":[" + east.department() + "]}");
        long lead = inPool(pool);
        List<CurrentUser> reps = List.of(users.load(east.repEmail()).orElseThrow(), users.load(second.repEmail()).orElseThrow());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (CurrentUser rep : reps) {
                results.add(threads.submit(() -> {
                    start.await();
                    return leadPools.claim(rep, pool, List.of(lead)).get(0).result();
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            }
            assertThat(outcomes).containsExactlyInAnyOrder("claimed", "taken");
            assertThat(owner(lead)).isIn(east.repId(), second.repId());
            assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'lead' and entity_id = :id and action = 'pool.claim'")
                    .param("id", lead).query(Long.class).single()).isEqualTo(1L);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void managersAssignPoolLeadsAndAdministratorsMoveThem() {
        Team east = team();
        long pool = pool("{\"name\":\"" + unique("分配池") + "\",\"claimCap\":1}");
        long other = pool("{\"name\":\"" + unique("另一池") + "\"}");
        long a = inPool(pool);
        long b = inPool(pool);
        assertThat(post(east.rep(), "/api/v1/pools/" + pool + "/leads/assign", "{\"leadIds\":[" + a + "],\"ownerId\":" + east.repId() + "}"))
                .hasStatus(403);
        MvcTestResult assigned = post(adminToken(), "/api/v1/pools/" + pool + "/leads/assign", "{\"leadIds\":[" + a + "," + b
                + "],\"ownerId\":" + east.repId() + "}");
        assertThat((List<String>) json(assigned, "$.results[*].result")).containsExactly("assigned", "assigned");
        assertThat(owner(b)).isEqualTo(east.repId());
        assertThat(post(east.rep(), "/api/v1/pools/" + other + "/leads/move", "{\"leadIds\":[" + a + "]}")).hasStatus(403);
        MvcTestResult moved = post(adminToken(), "/api/v1/pools/" + other + "/leads/move", "{\"leadIds\":[" + a + "]}");
        assertThat((List<String>) json(moved, "$.results[*].result")).containsExactly("moved");
        assertThat(poolOf(a)).isEqualTo(other);
        assertThat(owner(a)).isEqualTo(east.repId());
        assertThat(body(get(adminToken(), "/api/v1/leads/" + a + "/history"))).contains("pool.assign").contains("pool.move");
    }

    @Test
    void recaptureTakesBackLeadsWithoutFollowUpOnceAndWarnsTheOwnerOnce() {
        Team east = team();
        long pool = pool("{\"name\":\"" + unique("回收池") + "\",\"followUpDays\":30,\"warningDays\":5,\"departmentIds\":[" + east.department() + "]}");
        long idle = inPool(pool);
        long active = inPool(pool);
        long soon = inPool(pool);
        assertThat(post(east.rep(), "/api/v1/pools/" + pool + "/leads/claim", "{\"leadIds\":[" + idle + "," + active + "," + soon + "]}"))
                .hasStatusOk();
        Instant now = Instant.now();
        backdate(idle, now.minus(Duration.ofDays(31)));
        backdate(active, now.minus(Duration.ofDays(31)));
        backdate(soon, now.minus(Duration.ofDays(27)));
        MvcTestResult call = post(east.rep(), "/api/v1/leads/" + active + "/activities", "{\"type\":\"call\",\"subject\":\"called back\"}");
        assertThat(call).as(body(call)).hasStatus(201);
        String due = body(mvc.get().uri("/pools/due/leads?lang=en").header("HX-Request", "true").with(user(east.repEmail())).exchange());
        assertThat(due).contains("Leads due back in the pool").contains("/leads/" + soon + "\"").contains("/leads/" + idle + "\"")
                .doesNotContain("/leads/" + active + "\"");

        PoolRecapture.Run first = recapture.run(now);
        assertThat(owner(idle)).isNull();
        assertThat(poolOf(idle)).isEqualTo(pool);
        assertThat(owner(active)).isEqualTo(east.repId());
        assertThat(owner(soon)).isEqualTo(east.repId());
        assertThat(first.recaptured()).isGreaterThanOrEqualTo(1);
        assertThat(body(get(adminToken(), "/api/v1/leads/" + idle + "/history"))).contains("pool.recapture");
        assertThat(warnings(east.repId())).isEqualTo(1);

        recapture.run(now);
        assertThat(owner(soon)).isEqualTo(east.repId());
        assertThat(warnings(east.repId())).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'lead' and entity_id = :id and action = 'pool.recapture'")
                .param("id", idle).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void thePoolPageListsItsLeadsAndTheLeadPageClaimsAndReleases() {
        Team east = team();
        long pool = pool("{\"name\":\"" + unique("页面池") + "\",\"departmentIds\":[" + east.department() + "]}");
        long lead = inPool(pool);
        String name = jdbc.sql("select name from leads where id = :id").param("id", lead).query(String.class).single();
        assertThat(body(mvc.get().uri("/pools?pool=" + pool).with(user(east.repEmail())).exchange()))
                .contains("hx-get=\"/pools/" + pool + "/leads\"");
        String section = body(mvc.get().uri("/pools/" + pool + "/leads?lang=en").header("HX-Request", "true")
                .with(user(east.repEmail())).exchange());
        assertThat(section).contains("Leads in the pool").contains(name).contains("/leads/" + lead + "/claim");
        String zh = body(mvc.get().uri("/leads/" + lead + "?lang=zh-CN").with(user(east.repEmail())).exchange());
        assertThat(zh).contains("id=\"claim-lead\"").contains("公海");

        assertThat(mvc.post().uri("/leads/" + lead + "/claim").with(user(east.repEmail())).with(csrf()).exchange())
                .hasStatus3xxRedirection();
        assertThat(owner(lead)).isEqualTo(east.repId());
        String mine = body(mvc.get().uri("/leads/" + lead + "?lang=en").with(user(east.repEmail())).exchange());
        assertThat(mine).contains("id=\"lead-release-form\"").doesNotContain("id=\"claim-lead\"");
        long version = jdbc.sql("select version from leads where id = :id").param("id", lead).query(Long.class).single();
        assertThat(mvc.post().uri("/leads/" + lead + "/release").with(user(east.repEmail())).with(csrf()).param("poolId", "" + pool)
                .param("reason", "no budget").param("version", "" + version).exchange()).hasStatus3xxRedirection();
        assertThat(owner(lead)).isNull();
    }

    private void backdate(long leadId, Instant at) {
        jdbc.sql("update leads set owned_since = :at where id = :id").param("at", java.sql.Timestamp.from(at)).param("id", leadId).update();
    }

    private long warnings(long userId) {
        return jdbc.sql("select count(*) from notifications where user_id = :u and kind = 'pool.warning'").param("u", userId)
                .query(Long.class).single();
    }

    @Test
    void anAdministratorAssignsSelectedPoolLeadsFromThePoolPage() {
        Team east = team();
        long pool = pool("{\"name\":\"" + unique("页面分配") + "\"}");
        long a = inPool(pool);
        String page = body(mvc.get().uri("/pools/" + pool + "/leads?lang=en").header("HX-Request", "true")
                .with(user(ADMIN)).exchange());
        assertThat(page).contains("id=\"assign-selected-leads\"", "Assign selected").contains("value=\"" + east.repId() + "\"");
        String repPage = body(mvc.get().uri("/pools/" + pool + "/leads?lang=en").header("HX-Request", "true")
                .with(user(east.repEmail())).exchange());
        assertThat(repPage).doesNotContain("assign-selected-leads");
        var assigned = mvc.post().uri("/pools/" + pool + "/leads/assign?lang=en").param("ids", String.valueOf(a))
                .param("ownerId", String.valueOf(east.repId()))
                .with(user(ADMIN))
                .with(csrf()).exchange();
        assertThat(assigned).hasStatus3xxRedirection();
        assertThat((Object) assigned.getMvcResult().getFlashMap().get("flash")).isEqualTo("Assigned 1 of 1");
        assertThat(owner(a)).isEqualTo(east.repId());
    }

    /** A lead of the team member's own, never in a pool. */
    private long ownLead(Team t) {
        MvcTestResult r = post(t.rep(), "/api/v1/leads", "{\"name\":\"" + unique("自有线索") + "\",\"company\":\"" + unique("自有公司")
                + "\",\"email\":\"" + unique("o") + "@own.cn\",\"ownerId\":" + t.repId() + "}");
        assertThat(r).as(body(r)).hasStatus(201);
        return id(r, "$.lead.id");
    }

    @Test
    void aBulkReleaseReleasesWhatItMayAndSaysWhyForEachOfTheRest() {
        Team east = team();
        Team north = team();
        long pool = pool("{\"name\":\"" + unique("批量退回池") + "\",\"departmentIds\":[" + east.department() + "]}");
        long claimed = inPool(pool);
        long waiting = inPool(pool);
        assertThat(post(east.rep(), "/api/v1/pools/" + pool + "/leads/claim", "{\"leadIds\":[" + claimed + "]}")).hasStatusOk();
        long own = ownLead(east);
        long converted = ownLead(east);
        assertThat(post(east.rep(), "/api/v1/leads/" + converted + "/convert", "{}")).hasStatus(201);
        long others = ownLead(north);

        // without a pool each lead goes back where it came from; one that came from none has nowhere to go
        MvcTestResult r = post(east.rep(), "/api/v1/leads/release", "{\"leadIds\":[" + claimed + "," + own + "," + waiting + ","
                + converted + "," + others + "," + claimed + "],\"reason\":\"no budget this year\"}");
        assertThat(r).as(body(r)).hasStatusOk();
        assertThat((List<Integer>) json(r, "$.results[*].leadId")).containsExactly((int) claimed, (int) own, (int) waiting,
                (int) converted, (int) others);
        assertThat((List<String>) json(r, "$.results[*].result")).containsExactly("released", "noPool", "inPool", "converted", "notFound");
        assertThat(owner(claimed)).isNull();
        assertThat(poolOf(claimed)).isEqualTo(pool);
        assertThat(owner(own)).isEqualTo(east.repId());
        assertThat(owner(others)).isEqualTo(north.repId());
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'lead' and entity_id in (:ids) and action = 'pool.release'")
                .param("ids", List.of(own, converted, others)).query(Long.class).single()).isZero();

        // naming the pool sends the rest there, audited with the reason like a single release
        MvcTestResult named = post(east.rep(), "/api/v1/leads/release", "{\"leadIds\":[" + own + "],\"poolId\":" + pool
                + ",\"reason\":\"wrong region\"}");
        assertThat((List<String>) json(named, "$.results[*].result")).containsExactly("released");
        assertThat(poolOf(own)).isEqualTo(pool);
        assertThat(body(get(adminToken(), "/api/v1/leads/" + own + "/history"))).contains("pool.release").contains("wrong region");
        assertThat(body(get(adminToken(), "/api/v1/leads/" + claimed + "/history"))).contains("no budget this year");

        // the whole call is refused without a reason, or for a pool the rep may not see
        long hidden = pool("{\"name\":\"" + unique("北区池") + "\",\"departmentIds\":[" + north.department() + "]}");
        long mine = ownLead(east);
        MvcTestResult noReason = post(east.rep(), "/api/v1/leads/release", "{\"leadIds\":[" + mine + "],\"poolId\":" + pool + "}");
        assertThat(noReason).hasStatus(400);
        assertThat(body(noReason)).contains("reason");
        MvcTestResult closed = post(east.rep(), "/api/v1/leads/release", "{\"leadIds\":[" + mine + "],\"poolId\":" + hidden
                + ",\"reason\":\"x\"}");
        assertThat(closed).hasStatus(400);
        assertThat(body(closed)).contains("poolId");
        assertThat(owner(mine)).isEqualTo(east.repId());
    }

    @Test
    void theLeadListReleasesTheSelectedLeadsAndListsEachOnesResult() {
        Team east = team();
        long pool = pool("{\"name\":\"" + unique("列表退回池") + "\",\"departmentIds\":[" + east.department() + "]}");
        long a = ownLead(east);
        long b = ownLead(east);
        long converted = ownLead(east);
        assertThat(post(east.rep(), "/api/v1/leads/" + converted + "/convert", "{}")).hasStatus(201);
        String aName = jdbc.sql("select name from leads where id = :id").param("id", a).query(String.class).single();
        String convertedName = jdbc.sql("select name from leads where id = :id").param("id", converted).query(String.class).single();

        String en = body(mvc.get().uri("/leads?lang=en").with(user(east.repEmail())).exchange());
        assertThat(en).contains("id=\"lead-bulk-release\"", "formaction=\"/leads/bulk/release\"", "Release to pool")
                .contains("<option value=\"" + pool + "\"");
        String zh = body(mvc.get().uri("/leads?lang=zh-CN").with(user(east.repEmail())).exchange());
        assertThat(zh).contains("退回公海").contains("各自来源的公海池");

        var released = mvc.post().uri("/leads/bulk/release?lang=en").with(user(east.repEmail())).with(csrf())
                .param("ids", "" + a, "" + b, "" + converted).param("poolId", "" + pool).param("reason", "asked to stop calling")
                .param("back", "status=new").exchange();
        assertThat(released).hasStatus3xxRedirection();
        assertThat(released.getResponse().getRedirectedUrl()).isEqualTo("/leads?status=new");
        assertThat((Object) released.getMvcResult().getFlashMap().get("flash")).isEqualTo("Released 2 of 3 leads to the pool");
        assertThat((List<String>) released.getMvcResult().getFlashMap().get("results")).containsExactly(
                "#" + a + " " + aName + ": Released", "#" + b + " " + jdbc.sql("select name from leads where id = :id").param("id", b)
                        .query(String.class).single() + ": Released",
                "#" + converted + " " + convertedName + ": Converted: it stays with its customer");
        assertThat(owner(a)).isNull();
        assertThat(poolOf(b)).isEqualTo(pool);
        assertThat(body(get(adminToken(), "/api/v1/leads/" + a + "/history"))).contains("pool.release").contains("asked to stop calling");

        // the results are shown on the list the user came from (the flash lives in the shared session store)
        String after = body(mvc.get().uri("/leads?status=new&lang=en").cookie(released.getResponse().getCookies())
                .with(user(east.repEmail())).exchange());
        assertThat(after).contains("id=\"lead-bulk-results\"").contains("#" + a + " " + aName + ": Released");

        long c = ownLead(east);
        var noReason = mvc.post().uri("/leads/bulk/release?lang=zh-CN").with(user(east.repEmail())).with(csrf())
                .param("ids", "" + c).param("poolId", "" + pool).exchange();
        assertThat((Object) noReason.getMvcResult().getFlashMap().get("flash")).isEqualTo("原因: 不能为空");
        assertThat(owner(c)).isEqualTo(east.repId());
        var none = mvc.post().uri("/leads/bulk/release?lang=en").with(user(east.repEmail())).with(csrf()).param("reason", "x").exchange();
        assertThat((Object) none.getMvcResult().getFlashMap().get("flash")).asString().startsWith("Records: ");
    }
}
