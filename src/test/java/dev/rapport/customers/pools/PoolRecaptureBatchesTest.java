package dev.rapport.customers.pools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import dev.rapport.customers.PooledRecords;
import dev.rapport.customers.Pools;
import dev.rapport.customers.domain.RecaptureStore;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.Notifications;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A recapture split into many small batches on several workers moves every due customer exactly once. */
class PoolRecaptureBatchesTest extends ApiTestSupport {

    @Autowired
    RecaptureStore store;
    @Autowired
    Pools pools;
    @Autowired
    AuditLog audit;
    @Autowired
    Notifications notifications;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ObjectProvider<PooledRecords> others;
    @Autowired
    JdbcClient jdbc;

    @Test
    void smallBatchesOnThreeWorkersMoveEveryDueCustomerOnceAndLeaveTheOthers() {
        long dept = createDepartment(unique("批量回收"), 1);
        String email = unique("rep") + "@test.local";
        long rep = createUser(email, "sales-rep", dept, null);
        var created = post(adminToken(), "/api/v1/pools", "{\"name\":\"" + unique("回收池") + "\",\"followUpDays\":30,\"departmentIds\":["
                + dept + "]}");
        assertThat(created).as(body(created)).hasStatus(201);
        long pool = id(created, "$.id");
        List<Long> due = new ArrayList<>();
        List<Long> fresh = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            long c = createCustomer(adminToken(), "{\"name\":\"" + unique("批量客户") + "\"}");
            var released = post(adminToken(), "/api/v1/customers/" + c + "/release",
                    "{\"poolId\":" + pool + ",\"reason\":\"test\",\"version\":0}");
            assertThat(released).as(body(released)).hasStatus(204);
            (i % 5 == 4 ? fresh : due).add(c);
        }
        String all = java.util.stream.Stream.concat(due.stream(), fresh.stream()).map(String::valueOf).collect(Collectors.joining(","));
        var claimed = post(token(email, "password-123"), "/api/v1/pools/" + pool + "/claim", "{\"customerIds\":[" + all + "]}");
        assertThat(claimed).as(body(claimed)).hasStatusOk();
        Instant now = Instant.now();
        jdbc.sql("update customers set owned_since = :at where id in (:ids)")
                .param("at", Timestamp.from(now.minus(Duration.ofDays(40)))).param("ids", due).update();

        // 18 due customers in batches of 4 (5 batches) on 3 workers
        PoolRecapture job = new PoolRecapture(store, pools, audit, notifications, tx, others, 3, 4);
        PoolRecapture.Run first = job.run(now);

        assertThat(first.recaptured()).isGreaterThanOrEqualTo(due.size());
        assertThat(jdbc.sql("select count(*) from customers where id in (:ids) and owner_id is null and pool_id = :p")
                .param("ids", due).param("p", pool).query(Long.class).single()).isEqualTo(due.size());
        assertThat(jdbc.sql("select count(*) from customers where id in (:ids) and owner_id = :rep")
                .param("ids", fresh).param("rep", rep).query(Long.class).single()).isEqualTo(fresh.size());
        assertThat(jdbc.sql("select entity_id, count(*) from audit_log where entity_type = 'customer' and action = 'pool.recapture' "
                + "and entity_id in (:ids) group by entity_id").param("ids", due)
                .query((rs, n) -> rs.getLong(2)).list()).hasSize(due.size()).containsOnly(1L);

        assertThat(job.run(now).recaptured()).isZero();
    }
}
