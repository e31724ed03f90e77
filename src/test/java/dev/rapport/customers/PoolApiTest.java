package dev.rapport.customers;

import static dev.rapport.customers.CustomerApiTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import dev.rapport.customers.pools.PoolRecapture;
import dev.rapport.identity.CurrentUser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The public pool over the API: scope, cap, concurrent claims, release, assignment, recapture and warnings. */
class PoolApiTest extends ApiTestSupport {

    @Autowired
    PoolMoves moves;

    @Autowired
    PoolRecapture recapture;

    @Autowired
    CustomerManagement customers;

    @Autowired
    JdbcClient jdbc;

    record Team(long department, String rep, long repId, String repEmail) {
    }

    private Team team() {
        long dept = createDepartment(unique("华东区"), 1);
        String email = unique("rep") + "@test.local";
        long id = createUser(email, "sales-rep", dept, null);
        return new Team(dept, token(email, "password-123"), id, email);
    }

    private long pool(String json) {
        var r = post(adminToken(), "/api/v1/pools", json);
        assertThat(r).as(body(r)).hasStatus(201);
        return id(r, "$.id");
    }

    /** A customer created by the admin and released into the pool. */
    private long inPool(long poolId) {
        long c = createCustomer(adminToken(), "{\"name\":\"" + unique("公海客户") + "\"}");
        var r = post(adminToken(), "/api/v1/customers/" + c + "/release",
                "{\"poolId\":" + poolId + ",\"reason\":\"no budget this year\",\"version\":0}");
        assertThat(r).as(body(r)).hasStatus(204);
        return c;
    }

    @Test
    void aRepOfAnotherDepartmentCannotSeeThePoolOrItsCustomers() {
        Team east = team();
        Team north = team();
        long pool = pool("{\"name\":\"" + unique("华东公海") + "\",\"departmentIds\":[" + east.department() + "]}");
        long c = inPool(pool);

        assertThat(ids(get(east.rep(), "/api/v1/pools"), "$[*].id")).contains(pool);
        assertThat(ids(get(east.rep(), "/api/v1/pools/" + pool + "/customers"), "$.items[*].id")).containsExactly(c);
        assertThat(get(east.rep(), "/api/v1/customers/" + c)).hasStatusOk();

        assertThat(ids(get(north.rep(), "/api/v1/pools"), "$[*].id")).doesNotContain(pool);
        assertThat(get(north.rep(), "/api/v1/pools/" + pool)).hasStatus(404);
        assertThat(get(north.rep(), "/api/v1/pools/" + pool + "/customers")).hasStatus(404);
        assertThat(get(north.rep(), "/api/v1/customers/" + c)).hasStatus(404);
        assertThat(post(north.rep(), "/api/v1/pools/" + pool + "/claim", "{\"customerIds\":[" + c + "]}")).hasStatus(404);
        // a pool customer is not in the rep's own customer list: it has no owner
        assertThat(ids(get(east.rep(), "/api/v1/customers"), "$.items[*].id")).doesNotContain(c);
    }

    @Test
    void aRepClaimsUpToTheCapAndReleasesWithAReasonAllAudited() {
        Team east = team();
        long pool = pool("{\"name\":\"" + unique("华东公海") + "\",\"claimCap\":2,\"departmentIds\":[" + east.department() + "]}");
        long a = inPool(pool);
        long b = inPool(pool);
        long c = inPool(pool);

        var claimed = post(east.rep(), "/api/v1/pools/" + pool + "/claim", "{\"customerIds\":[" + a + "," + b + "]}");
        assertThat(claimed).as(body(claimed)).hasStatusOk();
        assertThat((List<String>) json(claimed, "$.results[*].result")).containsExactly("claimed", "claimed");
        assertThat((Integer) json(get(east.rep(), "/api/v1/customers/" + a), "$.ownerId")).isEqualTo((int) east.repId());

        var over = post(east.rep(), "/api/v1/pools/" + pool + "/claim", "{\"customerIds\":[" + c + "]}");
        assertThat(over).hasStatus(409);
        assertThat(body(over)).contains("2");

        // releasing needs a reason and the version the owner saw
        assertThat(post(east.rep(), "/api/v1/customers/" + a + "/release", "{\"version\":1}")).hasStatus(400);
        assertThat(post(east.rep(), "/api/v1/customers/" + a + "/release", "{\"reason\":\"x\",\"version\":0}")).hasStatus(409);
        assertThat(post(east.rep(), "/api/v1/customers/" + a + "/release", "{\"reason\":\"not interested\",\"version\":2}")).hasStatus(204);
        assertThat((Object) json(get(adminToken(), "/api/v1/customers/" + a), "$.ownerId")).isNull();

        // now there is room for one more
        assertThat((List<String>) json(post(east.rep(), "/api/v1/pools/" + pool + "/claim", "{\"customerIds\":[" + c + "]}"),
                "$.results[*].result")).containsExactly("claimed");

        String history = body(get(adminToken(), "/api/v1/customers/" + a + "/history"));
        assertThat(history).contains("pool.claim", "pool.release", "not interested");
    }

    private long ownCustomer(Team t) {
        return createCustomer(t.rep(), "{\"name\":\"" + unique("自有客户") + "\"}");
    }

    /** How many audit entries record a release of the customer by the user. */
    private long releasesBy(long userId, long customerId) {
        return jdbc.sql("""
                select count(*) from audit_log
                where entity_type = 'customer' and entity_id = :id and action = 'pool.release' and actor_id = :u""")
                .param("id", customerId).param("u", userId).query(Long.class).single();
    }

    @Test
    void aBulkReleaseReleasesWhatItMayAndSaysWhyForEachOfTheRest() {
        Team east = team();
        Team north = team();
        long pool = pool("{\"name\":\"" + unique("批量退回") + "\",\"departmentIds\":[" + east.department() + "]}");
        long hidden = pool("{\"name\":\"" + unique("北区公海") + "\",\"departmentIds\":[" + north.department() + "]}");
        long claimed = inPool(pool);
        long waiting = inPool(pool);
        assertThat(post(east.rep(), "/api/v1/pools/" + pool + "/claim", "{\"customerIds\":[" + claimed + "]}")).hasStatusOk();
        long own = ownCustomer(east);
        long others = ownCustomer(north);
        // given to the east rep from a pool only the north may see: without a pool named it would go back there
        long fromHidden = inPool(hidden);
        assertThat(post(adminToken(), "/api/v1/pools/" + hidden + "/assign", "{\"customerIds\":[" + fromHidden + "],\"ownerId\":"
                + east.repId() + "}")).hasStatusOk();
        long mine = ownCustomer(east);
        long later = inPool(pool);
        assertThat(post(east.rep(), "/api/v1/pools/" + pool + "/claim", "{\"customerIds\":[" + later + "]}")).hasStatusOk();

        // each refusal is reported and does not stop the customers after it
        var r = post(east.rep(), "/api/v1/customers/release", "{\"customerIds\":[" + own + "," + claimed + "," + waiting + ","
                + others + "," + fromHidden + ",999999999," + claimed + "," + later + "],\"reason\":\"budget moved to next year\"}");
        assertThat(r).as(body(r)).hasStatusOk();
        assertThat((List<Integer>) json(r, "$.results[*].customerId")).containsExactly((int) own, (int) claimed, (int) waiting,
                (int) others, (int) fromHidden, 999999999, (int) later);
        assertThat((List<String>) json(r, "$.results[*].result"))
                .containsExactly("noPool", "released", "inPool", "notFound", "poolHidden", "notFound", "released");
        assertThat(owner(claimed)).isNull();
        assertThat(owner(later)).isNull();
        assertThat(owner(own)).isEqualTo(east.repId());
        assertThat(owner(others)).isEqualTo(north.repId());
        assertThat(owner(fromHidden)).isEqualTo(east.repId());
        assertThat(body(get(adminToken(), "/api/v1/customers/" + later + "/history"))).contains("budget moved to next year");
        assertThat(releasesBy(east.repId(), claimed)).as("owner and reason; back in the pool it came from").isEqualTo(2);
        for (long refused : new long[] {own, others, fromHidden}) {
            assertThat(releasesBy(east.repId(), refused)).as("no release audited for %d", refused).isZero();
        }

        // naming the pool sends the rest there, audited with the reason like a single release
        var named = post(east.rep(), "/api/v1/customers/release", "{\"customerIds\":[" + own + "," + fromHidden + "],\"poolId\":" + pool
                + ",\"reason\":\"wrong region\"}");
        assertThat((List<String>) json(named, "$.results[*].result")).containsExactly("released", "released");
        assertThat(jdbc.sql("select pool_id from customers where id = :id").param("id", fromHidden).query(Long.class).single()).isEqualTo(pool);
        assertThat(body(get(adminToken(), "/api/v1/customers/" + own + "/history"))).contains("pool.release", "wrong region");

        // the whole call is refused, and nothing released, without a reason, for a pool the rep may not see, or for too many ids
        var noReason = post(east.rep(), "/api/v1/customers/release", "{\"customerIds\":[" + mine + "],\"poolId\":" + pool + "}");
        assertThat(noReason).hasStatus(400);
        assertThat(body(noReason)).contains("\"reason\"");
        var closed = post(east.rep(), "/api/v1/customers/release", "{\"customerIds\":[" + mine + "],\"poolId\":" + hidden
                + ",\"reason\":\"x\"}");
        assertThat(closed).hasStatus(400);
        assertThat(body(closed)).contains("\"poolId\"");
        String many = java.util.stream.LongStream.rangeClosed(1, 500).mapToObj(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        var tooMany = post(east.rep(), "/api/v1/customers/release", "{\"customerIds\":[" + mine + "," + many + "],\"reason\":\"x\"}");
        assertThat(tooMany).hasStatus(400);
        assertThat(body(tooMany)).contains("customerIds");
        assertThat(owner(mine)).isEqualTo(east.repId());
        assertThat(releasesBy(east.repId(), mine)).isZero();
    }

    @Test
    void twoRepsClaimingTheSameCustomerAtOnceExactlyOneWins() throws Exception {
        Team east = team();
        String otherEmail = unique("rep") + "@test.local";
        createUser(otherEmail, "sales-rep", east.department(), null);
        long pool = pool("{\"name\":\"" + unique("抢单") + "\",\"departmentIds\":[" + east.department() + "]}");
        long c = inPool(pool);
        CurrentUser first = users.load(east.repEmail()).orElseThrow();
        CurrentUser second = users.load(otherEmail).orElseThrow();
        CountDownLatch start = new CountDownLatch(1);
        var pool2 = Executors.newFixedThreadPool(2);
        try {
            Callable<String> claimFirst = () -> {
                start.await();
                return moves.claim(first, pool, List.of(c)).get(0).result();
            };
            Callable<String> claimSecond = () -> {
                start.await();
                return moves.claim(second, pool, List.of(c)).get(0).result();
            };
            Future<String> one = pool2.submit(claimFirst);
            Future<String> two = pool2.submit(claimSecond);
            start.countDown();
            assertThat(List.of(one.get(), two.get())).containsExactlyInAnyOrder("claimed", "taken");
        } finally {
            pool2.shutdown();
        }
    }

    @Test
    void aManagerAssignsFromThePoolAndOnlyAdministratorsManagePools() {
        Team east = team();
        long pool = pool("{\"name\":\"" + unique("分配") + "\",\"claimCap\":1,\"departmentIds\":[" + east.department() + "]}");
        long a = inPool(pool);
        long b = inPool(pool);
        var assigned = post(adminToken(), "/api/v1/pools/" + pool + "/assign",
                "{\"customerIds\":[" + a + "," + b + "],\"ownerId\":" + east.repId() + "}");
        assertThat((List<String>) json(assigned, "$.results[*].result")).containsExactly("assigned", "assigned");
        assertThat(post(east.rep(), "/api/v1/pools/" + pool + "/assign", "{\"customerIds\":[" + a + "],\"ownerId\":" + east.repId() + "}"))
                .hasStatus(403);
        assertThat(post(east.rep(), "/api/v1/pools", "{\"name\":\"mine\"}")).hasStatus(403);
        assertThat(post(adminToken(), "/api/v1/pools", "{\"name\":\"\",\"claimCap\":0}")).hasStatus(400);
        var stale = put(adminToken(), "/api/v1/pools/" + pool, "{\"name\":\"renamed\",\"version\":7}", null);
        assertThat(stale).hasStatus(409);
        assertThat(put(adminToken(), "/api/v1/pools/" + pool, "{\"name\":\"renamed\",\"claimCap\":3,\"version\":0}", null)).hasStatusOk();
    }

    @Test
    void recaptureTakesBackCustomersWithoutFollowUpOrPurchaseOnceAndWarnsOwnersOnce() {
        Team east = team();
        long follow = pool("{\"name\":\"" + unique("跟进") + "\",\"followUpDays\":30,\"warningDays\":5,\"departmentIds\":[" + east.department() + "]}");
        long buy = pool("{\"name\":\"" + unique("成交") + "\",\"purchaseDays\":60,\"departmentIds\":[" + east.department() + "]}");
        long idle = inPool(follow);
        long active = inPool(follow);
        long soon = inPool(follow);
        long buyer = inPool(buy);
        long nonBuyer = inPool(buy);
        for (long[] claim : new long[][] {{follow, idle}, {follow, active}, {follow, soon}, {buy, buyer}, {buy, nonBuyer}}) {
            assertThat(post(east.rep(), "/api/v1/pools/" + claim[0] + "/claim", "{\"customerIds\":[" + claim[1] + "]}")).hasStatusOk();
        }
        Instant now = Instant.now();
        // the clocks as if the rep had claimed them long ago
        backdate(idle, now.minus(Duration.ofDays(31)));
        backdate(active, now.minus(Duration.ofDays(31)));
        backdate(soon, now.minus(Duration.ofDays(27)));
        backdate(buyer, now.minus(Duration.ofDays(61)));
        backdate(nonBuyer, now.minus(Duration.ofDays(61)));
        assertThat(post(east.rep(), "/api/v1/activities", "{\"customerId\":" + active + ",\"type\":\"call\",\"subject\":\"called\"}"))
                .hasStatus(201);
        customers.recordPurchase(buyer, LocalDate.now(ZoneOffset.UTC).minusDays(10));

        PoolRecapture.Run first = recapture.run(now);
        assertThat(owner(idle)).isNull();
        assertThat(owner(nonBuyer)).isNull();
        assertThat(owner(active)).isEqualTo(east.repId());
        assertThat(owner(buyer)).isEqualTo(east.repId());
        assertThat(owner(soon)).isEqualTo(east.repId());
        assertThat(first.recaptured()).isGreaterThanOrEqualTo(2);
        assertThat(body(get(adminToken(), "/api/v1/customers/" + idle + "/history"))).contains("pool.recapture");
        assertThat(warnings(east.repId())).isEqualTo(1);

        PoolRecapture.Run second = recapture.run(now);
        assertThat(owner(soon)).isEqualTo(east.repId());
        assertThat(warnings(east.repId())).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'customer' and entity_id = :id and action = 'pool.recapture'")
                .param("id", idle).query(Long.class).single()).isEqualTo(1L);
        assertThat(second.recaptured()).isZero();
    }

    private void backdate(long customerId, Instant at) {
        jdbc.sql("update customers set owned_since = :at where id = :id").param("at", java.sql.Timestamp.from(at)).param("id", customerId).update();
    }

    private Long owner(long customerId) {
        return jdbc.sql("select owner_id from customers where id = :id").param("id", customerId).query(Long.class).list().get(0);
    }

    private long warnings(long userId) {
        return jdbc.sql("select count(*) from notifications where user_id = :u and kind = 'pool.warning'").param("u", userId)
                .query(Long.class).single();
    }
}
