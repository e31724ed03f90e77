package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.rapport.ApiTestSupport;
import dev.rapport.customers.importing.ImportJob;
import dev.rapport.customers.importing.ImportManagement;
import dev.rapport.identity.CurrentUser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Assignment rules route new customers without an owner too, when a rule says it applies to customers. */
class CustomerRoutingTest extends ApiTestSupport {

    @Autowired ImportManagement imports;
    @Autowired JdbcClient jdbc;

    private long rep() {
        return createUser(unique("rep") + "@test.local", "sales-rep", 1, null);
    }

    private long rule(String province, String strategy, String appliesTo, long... userIds) {
        StringBuilder ids = new StringBuilder();
        for (long u : userIds) {
            ids.append(ids.isEmpty() ? "" : ",").append(u);
        }
        MvcTestResult r = post(adminToken(), "/api/v1/assignment-rules", "{\"name\":\"r " + province + "\",\"position\":0,\"matchProvince\":\""
                + province + "\",\"strategy\":\"" + strategy + "\",\"userIds\":[" + ids + "]"
                + (appliesTo == null ? "" : ",\"appliesTo\":\"" + appliesTo + "\"") + "}");
        assertThat(r).as(body(r)).hasStatus(201);
        return id(r, "$.id");
    }

    private long ownerOfNewCustomer(String province, String ownerJson) {
        long id = createCustomer(adminToken(), "{\"type\":\"organization\",\"name\":\"" + unique("Co") + "\",\"province\":\"" + province
                + "\"" + ownerJson + "}");
        return id(get(adminToken(), "/api/v1/customers/" + id), "$.ownerId");
    }

    @Test
    void aCustomerRuleRoutesNewCustomersWithoutAnOwnerAndRoundRobinTakesTurns() {
        String province = unique("Prov");
        long a = rep();
        long b = rep();
        long r = rule(province, "round_robin", "customers", a, b);
        try {
            long first = ownerOfNewCustomer(province, "");
            long second = ownerOfNewCustomer(province, "");
            assertThat(first).isIn(a, b);
            assertThat(second).isIn(a, b).isNotEqualTo(first);
            long admin = users.load(ADMIN).orElseThrow().id();
            assertThat(ownerOfNewCustomer(province, ",\"ownerId\":" + admin)).isEqualTo(admin);
            assertThat(ownerOfNewCustomer(unique("Elsewhere"), "")).isEqualTo(admin);
            // the rule says customers only: a lead of the same territory is not routed by it
            MvcTestResult lead = post(adminToken(), "/api/v1/leads", "{\"name\":\"L\",\"email\":\"" + unique("l") + "@x.cn\",\"province\":\""
                    + province + "\"}");
            assertThat(id(lead, "$.lead.ownerId")).isEqualTo(admin);
        } finally {
            delete(adminToken(), "/api/v1/assignment-rules/" + r);
        }
    }

    @Test
    void leadRulesLeaveCustomersAloneAndBothRoutesEither() {
        String province = unique("Prov");
        long leadsOnly = rep();
        long r = rule(province, "fixed", null, leadsOnly);
        long admin = users.load(ADMIN).orElseThrow().id();
        try {
            assertThat(ownerOfNewCustomer(province, "")).isEqualTo(admin);
            assertThat(body(get(adminToken(), "/api/v1/assignment-rules/" + r))).contains("\"appliesTo\":\"leads\"");
        } finally {
            delete(adminToken(), "/api/v1/assignment-rules/" + r);
        }
        long either = rep();
        long both = rule(province, "fixed", "both", either);
        try {
            assertThat(ownerOfNewCustomer(province, "")).isEqualTo(either);
            MvcTestResult lead = post(adminToken(), "/api/v1/leads", "{\"name\":\"L\",\"email\":\"" + unique("l") + "@x.cn\",\"province\":\""
                    + province + "\"}");
            assertThat(id(lead, "$.lead.ownerId")).isEqualTo(either);
        } finally {
            delete(adminToken(), "/api/v1/assignment-rules/" + both);
        }
    }

    @Test
    void loadBalancedCustomerRuleGivesTheCustomerToWhoeverOwnsFewest() {
        String province = unique("Prov");
        long busy = rep();
        long idle = rep();
        createCustomer(adminToken(), "{\"type\":\"organization\",\"name\":\"" + unique("Busy") + "\",\"ownerId\":" + busy + "}");
        long r = rule(province, "load_balanced", "customers", busy, idle);
        try {
            assertThat(ownerOfNewCustomer(province, "")).isEqualTo(idle);
            // now both own one: the first listed wins the tie
            assertThat(ownerOfNewCustomer(province, "")).isEqualTo(busy);
        } finally {
            delete(adminToken(), "/api/v1/assignment-rules/" + r);
        }
    }

    @Test
    void importedCustomerRowsWithoutAnOwnerAreRoutedAndAudited() {
        String province = unique("Prov");
        long routedTo = rep();
        long r = rule(province, "fixed", "customers", routedTo);
        CurrentUser admin = users.load(ADMIN).orElseThrow();
        try {
            String m = unique("imp");
            String csv = "Name,Province,Owner\nRouted " + m + "," + province + ",\nOwned " + m + "," + province + "," + ADMIN + "\n";
            ImportJob job = imports.upload(admin, "c.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "customers",
                    null, null);
            job = imports.run(admin, job.id(), null, null, Map.of(), j -> { });
            assertThat(job.created()).isEqualTo(2);
            long routed = jdbc.sql("select id from customers where name = :n").param("n", "Routed " + m).query(Long.class).single();
            assertThat(jdbc.sql("select owner_id from customers where id = :id").param("id", routed).query(Long.class).single())
                    .isEqualTo(routedTo);
            assertThat(jdbc.sql("select owner_id from customers where name = :n").param("n", "Owned " + m).query(Long.class).single())
                    .isEqualTo(admin.id());
            assertThat(body(get(adminToken(), "/api/v1/customers/" + routed + "/history"))).contains("assigned by rule");
        } finally {
            delete(adminToken(), "/api/v1/assignment-rules/" + r);
        }
    }

    @Test
    void theNewCustomerFormOffersTheRulesAsOwner() {
        String province = unique("Prov");
        long routedTo = rep();
        long r = rule(province, "fixed", "customers", routedTo);
        try {
            String admin = body(mvc.get().uri("/admin/assignment-rules?lang=zh-CN").with(user(ADMIN)).exchange());
            assertThat(admin).contains("适用于").contains("name=\"appliesTo\"").contains("线索和客户");
            String form = body(mvc.get().uri("/customers/new?lang=en").with(user(ADMIN)).exchange());
            assertThat(form).contains("By assignment rules");
            String name = unique("Form Co");
            MvcTestResult created = mvc.post().uri("/customers").with(user(ADMIN)).with(csrf()).param("type", "organization")
                    .param("name", name).param("province", province).param("ownerId", "").exchange();
            assertThat(created).hasStatus3xxRedirection();
            assertThat(jdbc.sql("select owner_id from customers where name = :n").param("n", name).query(Long.class).single())
                    .isEqualTo(routedTo);
        } finally {
            delete(adminToken(), "/api/v1/assignment-rules/" + r);
        }
    }

    @Test
    void anUnknownAppliesToIsRefusedNamingTheField() {
        MvcTestResult r = post(adminToken(), "/api/v1/assignment-rules", "{\"name\":\"x\",\"strategy\":\"fixed\",\"userIds\":["
                + rep() + "],\"appliesTo\":\"everything\"}");
        assertThat(r).hasStatus(400);
        assertThat(body(r)).contains("appliesTo");
    }
}
