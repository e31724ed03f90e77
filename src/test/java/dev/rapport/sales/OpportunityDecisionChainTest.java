package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.rapport.ApiTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An opportunity's decision chain: the organization's places, overridden per deal, gone with the deal. */
class OpportunityDecisionChainTest extends ApiTestSupport {

    long contact(long customer, String name) {
        var r = post(adminToken(), "/api/v1/contacts", "{\"customerId\":" + customer + ",\"name\":\"" + name + "\"}");
        assertThat(r).as(body(r)).hasStatus(201);
        return id(r, "$.id");
    }

    String roleIn(String uri, long contact) {
        List<String> roles = json(get(adminToken(), uri), "$.stakeholders[?(@.contactId == " + contact + ")].role");
        return roles.get(0);
    }

    @Test
    void aDealOverridesTheOrganizationsPlacesAndForgetsThemWhenDeleted() {
        long org = createCustomer(adminToken(), "{\"type\":\"organization\",\"name\":\"" + unique("链条公司") + "\"}");
        long buyer = contact(org, "采购经理");
        long boss = contact(org, "总经理");
        assertThat(put(adminToken(), "/api/v1/contacts/" + buyer + "/stakeholder",
                "{\"role\":\"influencer\",\"attitude\":\"neutral\",\"version\":0}", null)).hasStatusOk();
        var o = post(adminToken(), "/api/v1/opportunities", "{\"name\":\"" + unique("链条商机") + "\",\"customerId\":" + org + "}");
        long opp = id(o, "$.id");
        String oppChain = "/api/v1/opportunities/" + opp + "/decision-chain";
        assertThat(roleIn(oppChain, buyer)).as("the organization's place applies").isEqualTo("influencer");

        var set = put(adminToken(), "/api/v1/opportunities/" + opp + "/stakeholders/" + buyer,
                "{\"role\":\"decision-maker\",\"attitude\":\"supporter\",\"reportsToId\":" + boss + ",\"version\":0}", null);
        assertThat(set).as(body(set)).hasStatusOk();
        assertThat(roleIn(oppChain, buyer)).isEqualTo("decision-maker");
        assertThat(roleIn("/api/v1/customers/" + org + "/decision-chain", buyer)).as("the organization keeps its own").isEqualTo("influencer");
        var stale = put(adminToken(), "/api/v1/opportunities/" + opp + "/stakeholders/" + buyer,
                "{\"role\":\"user\",\"version\":0}", null);
        assertThat(stale).hasStatus(409);

        long other = createCustomer(adminToken(), "{\"type\":\"organization\",\"name\":\"" + unique("别家") + "\"}");
        long stranger = contact(other, "外人");
        var wrong = put(adminToken(), "/api/v1/opportunities/" + opp + "/stakeholders/" + stranger, "{\"role\":\"user\",\"version\":0}", null);
        assertThat(wrong).hasStatus(400);
        assertThat(body(wrong)).contains("contactId");

        String page = body(mvc.get().uri("/opportunities/" + opp + "/decision-chain?lang=zh-CN").header("HX-Request", "true")
                .with(user(ADMIN)).exchange());
        assertThat(page).contains("采购经理").contains("决策者");

        assertThat(delete(adminToken(), "/api/v1/opportunities/" + opp)).hasStatus2xxSuccessful();
        assertThat(get(adminToken(), oppChain)).hasStatus(404);
        assertThat(roleIn("/api/v1/customers/" + org + "/decision-chain", buyer)).isEqualTo("influencer");
        List<String> actions = json(get(adminToken(), "/api/v1/customers/" + org + "/history"), "$.items[*].action");
        assertThat(actions).contains("stakeholder");
    }

    @Test
    void aRepWhoCannotSeeTheDealGetsNotFound() {
        long org = createCustomer(adminToken(), "{\"type\":\"organization\",\"name\":\"" + unique("看不见") + "\"}");
        long opp = id(post(adminToken(), "/api/v1/opportunities", "{\"name\":\"" + unique("Hidden") + "\",\"customerId\":" + org + "}"), "$.id");
        String email = unique("rep") + "@test.local";
        createUser(email, "sales-rep", 1, null);
        assertThat(get(token(email, "password-123"), "/api/v1/opportunities/" + opp + "/decision-chain")).hasStatus(404);
    }
}
