package dev.rapport.customers;

import static dev.rapport.customers.CustomerApiTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergeAndHandOverTest extends ApiTestSupport {

    @Test
    void mergesContactsActivitiesAndHistoryWithoutLosingAny() {
        String phone = "1370000" + String.valueOf(System.nanoTime()).substring(9, 13);
        long a = createCustomer(adminToken(), "{\"name\":\"" + unique("杭州云帆科技有限公司") + "\",\"phone\":\"" + phone + "\",\"industry\":\"软件\"}");
        long b = createCustomer(adminToken(), "{\"name\":\"杭州云帆科技\",\"phone\":\"+86 " + phone + "\",\"email\":\"hi@yunfan.cn\",\"tags\":[\"展会\"]}");
        var dupWarning = post(adminToken(), "/api/v1/customers", "{\"name\":\"third\",\"phone\":\"" + phone + "\"}");
        long c = id(dupWarning, "$.customer.id");
        assertThat(ids(dupWarning, "$.possibleDuplicates[*].id")).contains(a, b);

        post(adminToken(), "/api/v1/contacts", "{\"customerId\":" + a + ",\"name\":\"李雷\"}");
        post(adminToken(), "/api/v1/contacts", "{\"customerId\":" + b + ",\"name\":\"韩梅梅\"}");
        post(adminToken(), "/api/v1/activities", "{\"customerId\":" + a + ",\"type\":\"note\",\"subject\":\"note on a\"}");
        post(adminToken(), "/api/v1/activities", "{\"customerId\":" + b + ",\"type\":\"call\",\"subject\":\"call on b\"}");
        post(adminToken(), "/api/v1/customers/" + b + "/status", "{\"status\":\"target\",\"version\":0}");

        var groups = get(adminToken(), "/api/v1/customers/duplicates?kind=phone&limit=100");
        assertThat(body(groups)).contains("+86" + phone);

        var merged = post(adminToken(), "/api/v1/customers/merge",
                "{\"survivorId\":" + a + ",\"ids\":[" + b + "," + c + "],\"choices\":{\"email\":" + b + ",\"status\":" + b + "}}");
        assertThat(merged).as(body(merged)).hasStatusOk();
        assertThat((String) json(merged, "$.email")).isEqualTo("hi@yunfan.cn");
        assertThat((String) json(merged, "$.industry")).isEqualTo("软件");
        assertThat((String) json(merged, "$.status")).isEqualTo("target");
        assertThat((List<String>) json(merged, "$.tags")).contains("展会");

        assertThat(get(adminToken(), "/api/v1/customers/" + b)).hasStatus(404);
        List<String> contacts = json(get(adminToken(), "/api/v1/customers/" + a + "/contacts"), "$[*].name");
        assertThat(contacts).containsExactlyInAnyOrder("李雷", "韩梅梅");
        String survivorName = json(merged, "$.name");
        List<String> byCompany = json(get(adminToken(), "/api/v1/contacts", "q", survivorName), "$.items[*].name");
        assertThat(byCompany).as("moved contacts are found by the survivor's name").contains("韩梅梅");
        List<String> timeline = json(get(adminToken(), "/api/v1/activities?customerId=" + a), "$.items[*].subject");
        assertThat(timeline).containsExactlyInAnyOrder("note on a", "call on b");
        List<String> statuses = json(get(adminToken(), "/api/v1/customers/" + a + "/status-history"), "$[*].toStatus");
        assertThat(statuses).contains("target");
        List<String> actions = json(get(adminToken(), "/api/v1/customers/" + a + "/history?limit=200"), "$.items[*].action");
        assertThat(actions).contains("merge", "merged", "status", "create");
    }

    @Test
    void aStaleMergeIsRefused() {
        long a = createCustomer(adminToken(), "{\"name\":\"" + unique("M1") + "\"}");
        long b = createCustomer(adminToken(), "{\"name\":\"" + unique("M2") + "\"}");
        patch(adminToken(), "/api/v1/customers/" + b, "{\"city\":\"北京\",\"version\":0}");
        var r = post(adminToken(), "/api/v1/customers/merge", "{\"survivorId\":" + a + ",\"ids\":[" + b + "],\"versions\":{\"" + b + "\":0}}");
        assertThat(r).hasStatus(409);
        assertThat(get(adminToken(), "/api/v1/customers/" + b)).hasStatusOk();
    }

    @Test
    void handOverMovesCustomersContactsAndOpenTasksAndDeactivatesTheUser() {
        String leaverEmail = unique("leaver") + "@test.local";
        long leaver = createUser(leaverEmail, "sales-rep", 1, null);
        long heir = createUser(unique("heir") + "@test.local", "sales-rep", 1, null);
        String token = token(leaverEmail, "password-123");
        long customer = createCustomer(token, "{\"name\":\"" + unique("Leaving") + "\"}");
        var contact = post(token, "/api/v1/contacts", "{\"customerId\":" + customer + ",\"name\":\"Contact\"}");
        long contactId = id(contact, "$.id");
        var task = post(token, "/api/v1/activities", "{\"customerId\":" + customer + ",\"type\":\"task\",\"subject\":\"follow up\",\"dueAt\":\"2030-01-01T09:00:00Z\"}");
        long taskId = id(task, "$.id");

        assertThat(post(adminToken(), "/api/v1/users/" + leaver + "/handover", "{\"toUserId\":" + heir + "}")).hasStatus(204);

        assertThat(id(get(adminToken(), "/api/v1/customers/" + customer), "$.ownerId")).isEqualTo(heir);
        assertThat(id(get(adminToken(), "/api/v1/contacts/" + contactId), "$.ownerId")).isEqualTo(heir);
        assertThat(id(get(adminToken(), "/api/v1/activities/" + taskId), "$.ownerId")).isEqualTo(heir);
        assertThat((Boolean) json(get(adminToken(), "/api/v1/users/" + leaver), "$.active")).isFalse();
        assertThat(get(token, "/api/v1/me")).as("a deactivated user's token stops working").hasStatus(401);
        var toLeaver = post(adminToken(), "/api/v1/customers", "{\"type\":\"individual\",\"name\":\"" + unique("离职") + "\",\"ownerId\":" + leaver + "}");
        assertThat(toLeaver).as("a user who left owns no new customers").hasStatus(400);
        assertThat((String) json(toLeaver, "$.errors[0].field")).isEqualTo("ownerId");
        assertThat(post(adminToken(), "/api/v1/customers", "{\"type\":\"individual\",\"name\":\"" + unique("接手") + "\",\"ownerId\":" + heir + "}"))
                .hasStatus(201);
        assertThat((List<String>) json(get(adminToken(), "/api/v1/customers/" + customer + "/history"), "$.items[*].action")).contains("owner");
    }
}
