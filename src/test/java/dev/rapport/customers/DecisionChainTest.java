package dev.rapport.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.rapport.ApiTestSupport;
import dev.rapport.identity.CurrentUser;
import dev.rapport.platform.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class DecisionChainTest extends ApiTestSupport {

    @Autowired
    Stakeholders stakeholders;

    private long contact(String token, long customerId, String name, String title) {
        var r = post(token, "/api/v1/contacts", "{\"customerId\":" + customerId + ",\"name\":\"" + name + "\",\"title\":\"" + title + "\"}");
        assertThat(r).as(body(r)).hasStatus(201);
        return id(r, "$.id");
    }

    private MvcTestResult place(String token, long contactId, String json) {
        return put(token, "/api/v1/contacts/" + contactId + "/stakeholder", json, null);
    }

    private MvcTestResult place(long contactId, String json) {
        return place(adminToken(), contactId, json);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> node(MvcTestResult chain, long contactId) {
        List<Map<String, Object>> nodes = json(chain, "$.stakeholders[?(@.contactId == " + contactId + ")]");
        assertThat(nodes).hasSize(1);
        return nodes.get(0);
    }

    @Test
    void setsAndReadsTheChainWithItsReportingLines() {
        long org = createCustomer(adminToken(), "{\"name\":\"" + unique("华东电力") + "\"}");
        long boss = contact(adminToken(), org, "王总", "总经理");
        long cio = contact(adminToken(), org, "李工", "信息部主任");
        long engineer = contact(adminToken(), org, "赵工", "工程师");
        long newcomer = contact(adminToken(), org, "钱秘书", "秘书");

        var r = place(boss, "{\"role\":\"decision-maker\",\"attitude\":\"supporter\",\"influence\":5,\"strength\":4,\"version\":0}");
        assertThat(r).as(body(r)).hasStatusOk();
        assertThat(r.getResponse().getHeader("ETag")).isEqualTo("\"1\"");
        assertThat(place(cio, "{\"role\":\"influencer\",\"attitude\":\"neutral\",\"influence\":4,\"reportsToId\":" + boss + ",\"version\":0}"))
                .hasStatusOk();
        assertThat(place(engineer, "{\"role\":\"使用者\",\"attitude\":\"opponent\",\"strength\":2,\"reportsToId\":" + cio
                + ",\"notes\":\"prefers the old system\",\"version\":0}")).hasStatusOk();

        var chain = get(adminToken(), "/api/v1/customers/" + org + "/decision-chain");
        assertThat(chain).hasStatusOk();
        assertThat(node(chain, boss)).containsEntry("role", "decision-maker").containsEntry("attitude", "supporter")
                .containsEntry("influence", 5).containsEntry("strength", 4).containsEntry("reportsToId", null).containsEntry("assigned", true);
        assertThat(node(chain, cio)).containsEntry("reportsToId", (int) boss).containsEntry("reportsToName", "王总");
        assertThat(node(chain, engineer)).containsEntry("role", "user").containsEntry("attitude", "opponent")
                .containsEntry("reportsToId", (int) cio).containsEntry("notes", "prefers the old system");
        assertThat(node(chain, newcomer)).containsEntry("assigned", false).containsEntry("version", 0);

        List<String> actions = json(get(adminToken(), "/api/v1/contacts/" + engineer + "/history"), "$.items[*].action");
        assertThat(actions).contains("stakeholder");
    }

    @Test
    void refusesAReportingLoopWithATranslatedMessage() {
        long org = createCustomer(adminToken(), "{\"name\":\"" + unique("Loop") + "\"}");
        long a = contact(adminToken(), org, "Ann", "CEO");
        long b = contact(adminToken(), org, "Bob", "CFO");
        long c = contact(adminToken(), org, "Cy", "Buyer");
        place(a, "{\"role\":\"decision-maker\",\"version\":0}");
        place(b, "{\"role\":\"influencer\",\"reportsToId\":" + a + ",\"version\":0}");
        place(c, "{\"role\":\"gatekeeper\",\"reportsToId\":" + b + ",\"version\":0}");

        var loop = mvc.put().uri("/api/v1/contacts/" + a + "/stakeholder").header("Authorization", "Bearer " + adminToken())
                .header("Accept-Language", "zh-CN").contentType("application/json")
                .content("{\"role\":\"decision-maker\",\"reportsToId\":" + c + ",\"version\":1}").exchange();
        assertThat(loop).hasStatus(400);
        assertThat((List<String>) json(loop, "$.errors[*].field")).containsExactly("reportsToId");
        assertThat((String) json(loop, "$.errors[0].message")).contains("循环").contains("Cy");

        var self = place(a, "{\"role\":\"decision-maker\",\"reportsToId\":" + a + ",\"version\":1}");
        assertThat(self).hasStatus(400);
        assertThat((String) json(self, "$.errors[0].message")).contains("themselves");
        assertThat(node(get(adminToken(), "/api/v1/customers/" + org + "/decision-chain"), a)).containsEntry("reportsToId", null)
                .containsEntry("version", 1);
    }

    @Test
    void refusesAContactOfAnotherOrganizationAndBadValuesNamingTheField() {
        long org = createCustomer(adminToken(), "{\"name\":\"" + unique("Here") + "\"}");
        long other = createCustomer(adminToken(), "{\"name\":\"" + unique("There") + "\"}");
        long k = contact(adminToken(), org, "Kim", "CTO");
        long stranger = contact(adminToken(), other, "Sam", "CEO");

        var foreign = place(k, "{\"role\":\"influencer\",\"reportsToId\":" + stranger + ",\"version\":0}");
        assertThat(foreign).hasStatus(400);
        assertThat((List<String>) json(foreign, "$.errors[*].field")).containsExactly("reportsToId");

        var bad = place(k, "{\"role\":\"boss\",\"attitude\":\"hostile\",\"influence\":7,\"strength\":0,\"version\":0}");
        assertThat(bad).hasStatus(400);
        assertThat((List<String>) json(bad, "$.errors[*].field")).containsExactlyInAnyOrder("role", "attitude", "influence", "strength");
        assertThat(place(k, "{\"attitude\":\"neutral\",\"version\":0}")).hasStatus(400);
        assertThat(place(k, "{\"role\":\"user\"}")).as("a change without a version is refused").hasStatus(400);
        assertThat(node(get(adminToken(), "/api/v1/customers/" + org + "/decision-chain"), k)).containsEntry("assigned", false);
    }

    @Test
    void aStaleChangeIsAConflict() {
        long org = createCustomer(adminToken(), "{\"name\":\"" + unique("Stale") + "\"}");
        long k = contact(adminToken(), org, "Lee", "Manager");
        assertThat(place(k, "{\"role\":\"champion\",\"version\":0}")).hasStatusOk();
        var stale = place(k, "{\"role\":\"user\",\"version\":0}");
        assertThat(stale).hasStatus(409);
        assertThat(id(stale, "$.currentVersion")).isEqualTo(1);
        assertThat(put(adminToken(), "/api/v1/contacts/" + k + "/stakeholder", "{\"role\":\"user\"}", "\"0\"")).hasStatus(412);
        assertThat(place(k, "{\"role\":\"user\",\"version\":1}")).hasStatusOk();
    }

    @Test
    void takingAContactOutOfTheChainKeepsTheLinesOfThoseReportingToIt() {
        long org = createCustomer(adminToken(), "{\"name\":\"" + unique("Out") + "\"}");
        long boss = contact(adminToken(), org, "Boss", "CEO");
        long staff = contact(adminToken(), org, "Staff", "Clerk");
        place(boss, "{\"role\":\"decision-maker\",\"version\":0}");
        place(staff, "{\"role\":\"user\",\"reportsToId\":" + boss + ",\"version\":0}");

        assertThat(delete(adminToken(), "/api/v1/contacts/" + boss + "/stakeholder")).as("needs a version").hasStatus(400);
        assertThat(delete(adminToken(), "/api/v1/contacts/" + boss + "/stakeholder?version=0")).hasStatus(409);
        assertThat(delete(adminToken(), "/api/v1/contacts/" + boss + "/stakeholder?version=1")).hasStatus(204);

        var chain = get(adminToken(), "/api/v1/customers/" + org + "/decision-chain");
        assertThat(node(chain, boss)).containsEntry("assigned", false).containsEntry("version", 0);
        assertThat(node(chain, staff)).containsEntry("reportsToId", (int) boss);
        List<String> fields = json(get(adminToken(), "/api/v1/contacts/" + boss + "/history"), "$.items[?(@.action == 'stakeholder')].field");
        assertThat(fields).contains("role");
    }

    @Test
    void anotherRepSeesNeitherTheChainNorTheContact() {
        String ownerEmail = unique("rep") + "@test.local";
        String otherEmail = unique("rep") + "@test.local";
        createUser(ownerEmail, "sales-rep", 1, null);
        createUser(otherEmail, "sales-rep", 1, null);
        String owner = token(ownerEmail, "password-123");
        String other = token(otherEmail, "password-123");
        long org = createCustomer(owner, "{\"name\":\"" + unique("Mine") + "\"}");
        long k = contact(owner, org, "Mia", "Director");
        assertThat(place(owner, k, "{\"role\":\"decision-maker\",\"version\":0}")).hasStatusOk();

        assertThat(get(other, "/api/v1/customers/" + org + "/decision-chain")).hasStatus(404);
        assertThat(get(other, "/api/v1/contacts/" + k + "/stakeholder")).hasStatus(404);
        assertThat(place(other, k, "{\"role\":\"user\",\"version\":1}")).hasStatus(404);
        long theirs = createCustomer(other, "{\"name\":\"" + unique("Theirs") + "\"}");
        long their = contact(other, theirs, "Tom", "Buyer");
        assertThat(place(other, their, "{\"role\":\"user\",\"reportsToId\":" + k + ",\"version\":0}")).hasStatus(400);
        assertThat(mvc.get().uri("/customers/" + org + "/decision-chain").with(user(otherEmail)).exchange()).hasStatus(404);
    }

    @Test
    void deletingOrMovingAContactClearsTheLinesToItAndAuditsThat() {
        long org = createCustomer(adminToken(), "{\"name\":\"" + unique("Gone") + "\"}");
        long elsewhere = createCustomer(adminToken(), "{\"name\":\"" + unique("Elsewhere") + "\"}");
        long boss = contact(adminToken(), org, "Boss", "CEO");
        long mid = contact(adminToken(), org, "Mid", "VP");
        long low = contact(adminToken(), org, "Low", "Clerk");
        place(boss, "{\"role\":\"decision-maker\",\"version\":0}");
        place(mid, "{\"role\":\"influencer\",\"reportsToId\":" + boss + ",\"version\":0}");
        place(low, "{\"role\":\"user\",\"reportsToId\":" + mid + ",\"version\":0}");

        assertThat(delete(adminToken(), "/api/v1/contacts/" + mid)).hasStatus(204);
        var chain = get(adminToken(), "/api/v1/customers/" + org + "/decision-chain");
        assertThat((List<Integer>) json(chain, "$.stakeholders[*].contactId")).containsExactlyInAnyOrder((int) boss, (int) low);
        assertThat(node(chain, low)).containsEntry("reportsToId", null).containsEntry("version", 2);
        List<String> fields = json(get(adminToken(), "/api/v1/contacts/" + low + "/history"), "$.items[?(@.action == 'stakeholder')].field");
        assertThat(fields).contains("reports_to_id");

        place(low, "{\"role\":\"user\",\"reportsToId\":" + boss + ",\"version\":2}");
        var moved = put(adminToken(), "/api/v1/contacts/" + boss, "{\"customerId\":" + elsewhere + ",\"name\":\"Boss\",\"version\":0}", null);
        assertThat(moved).as(body(moved)).hasStatusOk();
        assertThat(node(get(adminToken(), "/api/v1/customers/" + org + "/decision-chain"), low)).containsEntry("reportsToId", null);
        assertThat(node(get(adminToken(), "/api/v1/customers/" + elsewhere + "/decision-chain"), boss)).containsEntry("assigned", false);
    }

    @Test
    void mergingOrganizationsKeepsBothChains() {
        long a = createCustomer(adminToken(), "{\"name\":\"" + unique("MergeA") + "\"}");
        long b = createCustomer(adminToken(), "{\"name\":\"" + unique("MergeB") + "\"}");
        long a1 = contact(adminToken(), a, "A-boss", "CEO");
        long a2 = contact(adminToken(), a, "A-staff", "Buyer");
        long b1 = contact(adminToken(), b, "B-boss", "CEO");
        long b2 = contact(adminToken(), b, "B-staff", "Engineer");
        place(a1, "{\"role\":\"decision-maker\",\"version\":0}");
        place(a2, "{\"role\":\"gatekeeper\",\"reportsToId\":" + a1 + ",\"version\":0}");
        place(b1, "{\"role\":\"influencer\",\"version\":0}");
        place(b2, "{\"role\":\"champion\",\"attitude\":\"supporter\",\"reportsToId\":" + b1 + ",\"version\":0}");

        assertThat(post(adminToken(), "/api/v1/customers/merge", "{\"survivorId\":" + a + ",\"ids\":[" + b + "]}")).hasStatusOk();

        var chain = get(adminToken(), "/api/v1/customers/" + a + "/decision-chain");
        assertThat(node(chain, a2)).containsEntry("reportsToId", (int) a1);
        assertThat(node(chain, b2)).containsEntry("reportsToId", (int) b1).containsEntry("role", "champion");
        assertThat(node(chain, b1)).containsEntry("assigned", true).as("moving to the survivor is a change").containsEntry("version", 2);
        assertThat(place(b1, "{\"role\":\"influencer\",\"reportsToId\":" + a1 + ",\"version\":2}")).as("the chains can now be joined")
                .hasStatusOk();
    }

    @Test
    void anOpportunityContextOverridesTheOrganizationWithoutChangingIt() {
        CurrentUser admin = users.load(ADMIN).orElseThrow();
        long org = createCustomer(adminToken(), "{\"name\":\"" + unique("Ctx") + "\"}");
        long boss = contact(adminToken(), org, "Chief", "CEO");
        long buyer = contact(adminToken(), org, "Buyer", "Purchasing");
        stakeholders.set(admin, boss, 0, new StakeholderInput("decision-maker", "neutral", 5, 3, null, null));
        stakeholders.set(admin, buyer, 0, new StakeholderInput("gatekeeper", "neutral", 2, 2, boss, null));

        var s = stakeholders.set(admin, boss, "opportunity:42", 0, new StakeholderInput("decision-maker", "opponent", 5, 1, null, null));
        assertThat(s.attitude()).isEqualTo("opponent");
        assertThat(s.context()).isEqualTo("opportunity:42");

        var deal = stakeholders.chain(admin, org, "opportunity:42");
        assertThat(deal.stakeholders()).filteredOn(n -> n.contactId() == buyer).singleElement()
                .satisfies(n -> assertThat(n.context()).isEqualTo("organization")).satisfies(n -> assertThat(n.reportsToId()).isEqualTo(boss));
        assertThatThrownBy(() -> stakeholders.set(admin, boss, "opportunity:42", 1,
                new StakeholderInput("decision-maker", "opponent", 5, 1, buyer, null))).isInstanceOf(InvalidInputException.class);
        assertThat(stakeholders.chain(admin, org).stakeholders()).filteredOn(n -> n.contactId() == boss).singleElement()
                .satisfies(n -> assertThat(n.attitude()).isEqualTo("neutral"));

        stakeholders.forgetContext(org, "opportunity:42", admin.id());
        assertThat(stakeholders.chain(admin, org, "opportunity:42").stakeholders()).allSatisfy(n -> assertThat(n.context()).isEqualTo("organization"));
    }

    @Test
    void theCustomerPageLoadsTheMapAndTheFormPlacesAContact() {
        String email = unique("rep") + "@test.local";
        createUser(email, "sales-rep", 1, null);
        String token = token(email, "password-123");
        long org = createCustomer(token, "{\"name\":\"" + unique("Page") + "\"}");
        long boss = contact(token, org, "<script>alert(1)</script>", "CEO");
        long staff = contact(token, org, "Staff", "Engineer");
        place(token, boss, "{\"role\":\"decision-maker\",\"attitude\":\"supporter\",\"influence\":5,\"version\":0}");

        String page = body(mvc.get().uri("/customers/" + org + "?lang=en").with(user(email)).exchange());
        assertThat(page).contains("id=\"decision-chain\"").contains("/customers/" + org + "/decision-chain");

        var section = mvc.get().uri("/customers/" + org + "/decision-chain?lang=en").header("HX-Request", "true").with(user(email)).exchange();
        assertThat(section).hasStatusOk();
        String html = body(section);
        assertThat(html).contains("id=\"decision-chain-inner\"").contains("Decision maker").contains("attitude-supporter")
                .contains("influence 5/5").contains("Not placed yet").contains("chain-node-" + staff)
                .contains("&lt;script&gt;").doesNotContain("<script>alert");
        assertThat(html).doesNotContain("<html");

        var form = mvc.get().uri("/contacts/" + staff + "/stakeholder/edit?lang=zh-CN").header("HX-Request", "true").with(user(email)).exchange();
        assertThat(body(form)).contains("id=\"stakeholder-form\"").contains("决策者").contains("内线").contains("name=\"_csrf\"");

        var saved = mvc.post().uri("/contacts/" + staff + "/stakeholder?lang=en").header("HX-Request", "true").with(user(email)).with(csrf())
                .param("role", "champion").param("attitude", "supporter").param("influence", "3").param("strength", "")
                .param("reportsToId", String.valueOf(boss)).param("notes", "").param("version", "0").exchange();
        assertThat(saved).hasStatusOk();
        assertThat(body(saved)).contains("Champion").doesNotContain("Not placed yet");

        var loop = mvc.post().uri("/contacts/" + boss + "/stakeholder?lang=en").header("HX-Request", "true").with(user(email)).with(csrf())
                .param("role", "decision-maker").param("attitude", "supporter").param("reportsToId", String.valueOf(staff))
                .param("version", "1").exchange();
        assertThat(body(loop)).contains("would make a loop").contains("id=\"stakeholder-form\"");

        var stale = mvc.post().uri("/contacts/" + staff + "/stakeholder?lang=en").header("HX-Request", "true").with(user(email)).with(csrf())
                .param("role", "user").param("version", "0").exchange();
        assertThat(body(stale)).contains("id=\"chain-stale\"");

        var removed = mvc.post().uri("/contacts/" + staff + "/stakeholder/remove?lang=en").header("HX-Request", "true").with(user(email))
                .with(csrf()).param("version", "1").exchange();
        assertThat(body(removed)).contains("Not placed yet").doesNotContain("Champion");
    }
}
