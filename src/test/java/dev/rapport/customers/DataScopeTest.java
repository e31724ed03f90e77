package dev.rapport.customers;

import static dev.rapport.customers.CustomerApiTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A record outside the user's data scope is invisible everywhere: get, list, search, count, history, bulk. */
class DataScopeTest extends ApiTestSupport {

    @Test
    void repsSeeOnlyTheirOwnAndManagersTheirDepartmentTree() {
        long region = createDepartment(unique("华南大区"), 1);
        long team = createDepartment(unique("深圳组"), region);
        long other = createDepartment(unique("华北大区"), 1);
        String managerEmail = unique("mgr") + "@test.local";
        String repEmail = unique("rep") + "@test.local";
        String otherRepEmail = unique("rep2") + "@test.local";
        createUser(managerEmail, "sales-manager", region, null);
        createUser(repEmail, "sales-rep", team, null);
        createUser(otherRepEmail, "sales-rep", other, null);
        String manager = token(managerEmail, "password-123");
        String rep = token(repEmail, "password-123");
        String otherRep = token(otherRepEmail, "password-123");

        String marker = unique("scope");
        long mine = createCustomer(rep, "{\"name\":\"" + marker + " mine\",\"phone\":\"13911112222\"}");
        long theirs = createCustomer(otherRep, "{\"name\":\"" + marker + " theirs\",\"phone\":\"13911113333\"}");

        assertThat(get(rep, "/api/v1/customers/" + mine)).hasStatusOk();
        var hidden = get(rep, "/api/v1/customers/" + theirs);
        assertThat(hidden).hasStatus(404);
        assertThat(body(hidden)).doesNotContain(marker);
        assertThat(get(rep, "/api/v1/customers/" + theirs + "/history")).hasStatus(404);
        assertThat(get(rep, "/api/v1/activities?customerId=" + theirs)).hasStatus(404);

        assertThat(ids(get(rep, "/api/v1/customers?q=" + marker), "$.items[*].id")).containsExactly(mine);
        assertThat(ids(get(rep, "/api/v1/search", "q", marker), "$.customers[*].id")).containsExactly(mine);
        assertThat(ids(get(rep, "/api/v1/search", "q", "13911113333"), "$.customers[*].id")).isEmpty();
        assertThat((Integer) json(get(rep, "/api/v1/customers/count?q=" + marker), "$.count")).isEqualTo(1);

        // the manager of the region sees the team member's customer, not the other region's
        assertThat(ids(get(manager, "/api/v1/customers?q=" + marker), "$.items[*].id")).containsExactly(mine);
        assertThat(get(manager, "/api/v1/customers/" + theirs)).hasStatus(404);
        // the admin sees both
        assertThat(ids(get(adminToken(), "/api/v1/customers?q=" + marker), "$.items[*].id")).containsExactlyInAnyOrder(mine, theirs);

        // a bulk action cannot reach outside the scope, and says so per record
        var bulk = post(rep, "/api/v1/customers/bulk", "{\"action\":\"tag\",\"ids\":[" + mine + "," + theirs + "],\"tag\":\"x\"}");
        assertThat(ids(bulk, "$.done")).containsExactly(mine);
        assertThat(ids(bulk, "$.notFound")).containsExactly(theirs);
        // the duplicate warning on create does not reveal the hidden record
        var dup = post(rep, "/api/v1/customers", "{\"name\":\"dup\",\"phone\":\"13911113333\"}");
        assertThat(ids(dup, "$.possibleDuplicates[*].id")).doesNotContain(theirs);
    }

    @Test
    void aSearchInAScopeOfManyOwnersFindsTheirOldRecordsAndNoOneElses() {
        // six owners (CustomerQuery.LARGE_SCOPE_OWNERS is 5): on PostgreSQL the scope is then checked on the trigram index's rows
        long region = createDepartment(unique("西南大区"), 1);
        String managerEmail = unique("mgr") + "@test.local";
        createUser(managerEmail, "sales-manager", region, null);
        List<String> reps = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String email = unique("rep" + i) + "@test.local";
            createUser(email, "sales-rep", region, null);
            reps.add(email);
        }
        long outsideDept = createDepartment(unique("东北大区"), 1);
        String outsiderEmail = unique("out") + "@test.local";
        createUser(outsiderEmail, "sales-rep", outsideDept, null);
        String manager = token(managerEmail, "password-123");

        String marker = "zq" + unique("s").replaceAll("[^0-9a-z]", "");
        long first = createCustomer(token(reps.get(0), "password-123"), "{\"name\":\"" + marker + " 一\"}");
        long last = createCustomer(token(reps.get(4), "password-123"), "{\"name\":\"" + marker + " 五\"}");
        long outside = createCustomer(token(outsiderEmail, "password-123"), "{\"name\":\"" + marker + " 外\"}");
        // newer records in the scope that do not match, so the match is not among the newest alone
        for (int i = 0; i < 3; i++) {
            createCustomer(token(reps.get(i), "password-123"), "{\"name\":\"" + unique("其他") + "\"}");
        }

        assertThat(ids(get(manager, "/api/v1/customers?q=" + marker), "$.items[*].id")).containsExactly(last, first);
        assertThat(ids(get(manager, "/api/v1/search", "q", marker), "$.customers[*].id")).containsExactlyInAnyOrder(first, last)
                .doesNotContain(outside);
    }

    @Test
    void ownAndSubordinatesFollowsTheReportingLine() {
        String roleKey = "lead" + unique("x").substring(2, 8).replace("-", "");
        assertThat(post(adminToken(), "/api/v1/roles", "{\"key\":\"" + roleKey + "\",\"name\":\"Team lead\",\"dataScope\":\"OWN_AND_SUBORDINATES\",\"permissions\":[\"customer:view\",\"customer:create\"]}")).hasStatus(201);
        String leadEmail = unique("lead") + "@test.local";
        long lead = createUser(leadEmail, roleKey, 1, null);
        String subEmail = unique("sub") + "@test.local";
        createUser(subEmail, "sales-rep", 1, lead);
        String peerEmail = unique("peer") + "@test.local";
        createUser(peerEmail, "sales-rep", 1, null);
        String marker = unique("line");
        long subs = createCustomer(token(subEmail, "password-123"), "{\"name\":\"" + marker + " a\"}");
        createCustomer(token(peerEmail, "password-123"), "{\"name\":\"" + marker + " b\"}");
        assertThat(ids(get(token(leadEmail, "password-123"), "/api/v1/customers?q=" + marker), "$.items[*].id")).containsExactly(subs);
    }

    @Test
    void aRoleWithoutViewPermissionGets403() {
        String roleKey = "noview" + unique("x").substring(2, 8).replace("-", "");
        post(adminToken(), "/api/v1/roles", "{\"key\":\"" + roleKey + "\",\"name\":\"Nothing\",\"dataScope\":\"ALL\",\"permissions\":[]}");
        String email = unique("none") + "@test.local";
        createUser(email, roleKey, 1, null);
        assertThat(get(token(email, "password-123"), "/api/v1/customers")).hasStatus(403);
    }
}
