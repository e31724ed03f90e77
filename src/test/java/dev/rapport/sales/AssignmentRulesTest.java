package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class AssignmentRulesTest extends ApiTestSupport {

    private long user() {
        return createUser(unique("rep") + "@test.local", "sales-rep", 1, null);
    }

    private long rule(String json) {
        MvcTestResult r = post(adminToken(), "/api/v1/assignment-rules", json);
        assertThat(r).as(body(r)).hasStatus(201);
        return id(r, "$.id");
    }

    private long ownerOfNewLead(String province, String source) {
        MvcTestResult r = post(adminToken(), "/api/v1/leads", "{\"name\":\"" + unique("L") + "\",\"email\":\"" + unique("l")
                + "@x.cn\",\"province\":\"" + province + "\",\"source\":\"" + source + "\"}");
        assertThat(r).as(body(r)).hasStatus(201);
        return id(r, "$.lead.ownerId");
    }

    @Test
    void territoryPicksTheRuleAndRoundRobinTakesTurns() {
        String province = unique("Prov");
        long fixed = user();
        long a = user();
        long b = user();
        long r1 = rule("{\"name\":\"other place\",\"position\":1,\"matchProvince\":\"" + unique("Elsewhere") + "\",\"strategy\":\"fixed\",\"userIds\":[" + fixed + "]}");
        long r2 = rule("{\"name\":\"south\",\"position\":2,\"matchProvince\":\"" + province + "\",\"strategy\":\"round_robin\",\"userIds\":[" + a + "," + b + "]}");
        long first = ownerOfNewLead(province, "web");
        long second = ownerOfNewLead(province, "web");
        long third = ownerOfNewLead(province, "web");
        assertThat(first).isIn(a, b);
        assertThat(second).isIn(a, b).isNotEqualTo(first);
        assertThat(third).isEqualTo(first);
        delete(adminToken(), "/api/v1/assignment-rules/" + r1);
        delete(adminToken(), "/api/v1/assignment-rules/" + r2);
    }

    @Test
    void loadBalancedGivesTheLeadToWhoeverHasFewestOpenLeads() {
        String source = unique("fair");
        long busy = user();
        long idle = user();
        for (int i = 0; i < 2; i++) {
            post(adminToken(), "/api/v1/leads", "{\"name\":\"busy " + i + "\",\"email\":\"" + unique("b") + "@x.cn\",\"ownerId\":" + busy + "}");
        }
        long r = rule("{\"name\":\"balanced\",\"position\":0,\"matchSource\":\"" + source + "\",\"strategy\":\"load_balanced\",\"userIds\":[" + busy + "," + idle + "]}");
        assertThat(ownerOfNewLead("any", source)).isEqualTo(idle);
        assertThat(ownerOfNewLead("any", source)).isEqualTo(idle);
        // now both have two open leads: the first listed wins the tie
        assertThat(ownerOfNewLead("any", source)).isEqualTo(busy);
        delete(adminToken(), "/api/v1/assignment-rules/" + r);
    }

    @Test
    void theAssignmentIsAuditedAndRulesNeedTheAdminPermission() {
        String source = unique("audit");
        long owner = user();
        long r = rule("{\"name\":\"by source\",\"position\":0,\"matchSource\":\"" + source + "\",\"strategy\":\"fixed\",\"userIds\":[" + owner + "]}");
        MvcTestResult created = post(adminToken(), "/api/v1/leads", "{\"name\":\"X\",\"email\":\"" + unique("x") + "@x.cn\",\"source\":\"" + source + "\"}");
        long lead = id(created, "$.lead.id");
        assertThat(id(created, "$.lead.assignedRuleId")).isEqualTo(r);
        assertThat(body(get(adminToken(), "/api/v1/leads/" + lead + "/history"))).contains("assigned by rule by source");
        String email = unique("rep") + "@test.local";
        createUser(email, "sales-rep", 1, null);
        assertThat(get(token(email, "password-123"), "/api/v1/assignment-rules")).hasStatus(403);
        delete(adminToken(), "/api/v1/assignment-rules/" + r);
    }
}
