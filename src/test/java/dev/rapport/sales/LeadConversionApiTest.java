package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class LeadConversionApiTest extends ApiTestSupport {

    private String rep() {
        String email = unique("rep") + "@test.local";
        createUser(email, "sales-rep", 1, null);
        return token(email, "password-123");
    }

    private long lead(String token, String json) {
        MvcTestResult r = post(token, "/api/v1/leads", json);
        assertThat(r).as(body(r)).hasStatus(201);
        return id(r, "$.lead.id");
    }

    @Test
    void convertingCreatesCustomerAndContactMovesActivitiesAndRefusesASecondTime() {
        String token = rep();
        String company = unique("Acme Trading");
        String email = unique("wang") + "@acme.cn";
        long lead = lead(token, "{\"name\":\"Wang Fang\",\"title\":\"Buyer\",\"company\":\"" + company + "\",\"email\":\"" + email + "\"}");
        post(token, "/api/v1/leads/" + lead + "/activities", "{\"type\":\"note\",\"subject\":\"wants 200 units\"}");

        MvcTestResult r = post(token, "/api/v1/leads/" + lead + "/convert", "{}");
        assertThat(r).as(body(r)).hasStatus(201);
        long customer = id(r, "$.customerId");
        assertThat((Boolean) json(r, "$.customerCreated")).isTrue();
        assertThat((Boolean) json(r, "$.contactCreated")).isTrue();
        assertThat((Integer) json(r, "$.activitiesMoved")).isEqualTo(1);

        assertThat((String) json(get(token, "/api/v1/customers/" + customer), "$.name")).isEqualTo(company);
        List<String> contacts = json(get(token, "/api/v1/contacts?customerId=" + customer), "$.items[*].name");
        assertThat(contacts).containsExactly("Wang Fang");
        List<String> timeline = json(get(token, "/api/v1/activities?customerId=" + customer), "$.items[*].subject");
        assertThat(timeline).containsExactly("wants 200 units");
        MvcTestResult l = get(token, "/api/v1/leads/" + lead);
        assertThat((String) json(l, "$.status")).isEqualTo("converted");
        assertThat(id(l, "$.customerId")).isEqualTo(customer);

        MvcTestResult again = post(token, "/api/v1/leads/" + lead + "/convert", "{}");
        assertThat(again).hasStatus(409);
        assertThat(id(again, "$.customerId")).isEqualTo(customer);
        assertThat(put(token, "/api/v1/leads/" + lead, "{\"name\":\"x\",\"email\":\"x@y.cn\",\"version\":1}", null)).hasStatus(400);
    }

    @Test
    void aLeadThatLooksLikeAnExistingCustomerIsMatchedNotDuplicated() {
        String token = rep();
        String company = unique("Existing Co");
        String phone = "139" + String.valueOf(10_000_000 + (long) (Math.random() * 89_999_999));
        long existing = createCustomer(token, "{\"name\":\"" + company + "\",\"phone\":\"" + phone + "\"}");
        long lead = lead(token, "{\"name\":\"Zhao Min\",\"company\":\"" + company + " Ltd\",\"phone\":\"" + phone + "\"}");

        MvcTestResult preview = get(token, "/api/v1/leads/" + lead + "/convert");
        List<Integer> matches = json(preview, "$.customerMatches[*].id");
        assertThat(matches).contains((int) existing);
        MvcTestResult refused = post(token, "/api/v1/leads/" + lead + "/convert", "{}");
        assertThat(refused).hasStatus(400);
        assertThat((String) json(refused, "$.errors[0].field")).isEqualTo("customerId");

        MvcTestResult r = post(token, "/api/v1/leads/" + lead + "/convert", "{\"customerId\":" + existing + "}");
        assertThat(r).as(body(r)).hasStatus(201);
        assertThat(id(r, "$.customerId")).isEqualTo(existing);
        assertThat((Boolean) json(r, "$.customerCreated")).isFalse();
        List<Integer> same = json(get(token, "/api/v1/customers", "q", company), "$.items[*].id");
        assertThat(same).containsExactly((int) existing);
    }

    @Test
    void convertingWithAnOpportunityCreatesItInTheDefaultPipelineForTheLeadsOwner() {
        String token = rep();
        long lead = lead(token, "{\"name\":\"Sun Li\",\"company\":\"" + unique("Opp Co") + "\",\"email\":\"" + unique("s") + "@o.cn\"}");
        assertThat((Boolean) json(get(token, "/api/v1/leads/" + lead + "/convert"), "$.opportunitiesAvailable")).isTrue();
        MvcTestResult r = post(token, "/api/v1/leads/" + lead + "/convert",
                "{\"opportunityName\":\"First order\",\"amount\":12000.50,\"currency\":\"CNY\",\"expectedCloseDate\":\"2027-03-31\"}");
        assertThat(r).as(body(r)).hasStatus(201);
        long opportunity = id(r, "$.opportunityId");
        MvcTestResult o = get(token, "/api/v1/opportunities/" + opportunity);
        assertThat(o).as(body(o)).hasStatusOk();
        assertThat(id(o, "$.leadId")).isEqualTo(lead);
        assertThat(id(o, "$.customerId")).isEqualTo(id(r, "$.customerId"));
        assertThat(id(o, "$.contactId")).isEqualTo(id(r, "$.contactId"));
        assertThat(id(o, "$.ownerId")).isEqualTo(id(get(token, "/api/v1/leads/" + lead), "$.ownerId"));
        assertThat(new java.math.BigDecimal(json(o, "$.amount").toString())).isEqualByComparingTo("12000.50");
        assertThat((String) json(o, "$.expectedCloseDate")).isEqualTo("2027-03-31");
        assertThat((String) json(o, "$.status")).isEqualTo("open");
        assertThat(id(get(token, "/api/v1/leads/" + lead), "$.opportunityId")).isEqualTo(opportunity);
    }

    @Test
    void aBadOpportunityLeavesTheLeadAndTheCustomersAsTheyWere() {
        String token = rep();
        String company = unique("Half Co");
        long lead = lead(token, "{\"name\":\"Zhou Qi\",\"company\":\"" + company + "\",\"email\":\"" + unique("z") + "@h.cn\"}");
        MvcTestResult r = post(token, "/api/v1/leads/" + lead + "/convert", "{\"opportunityName\":\"Bad\",\"amount\":-5}");
        assertThat(r).as(body(r)).hasStatus(400);
        assertThat(body(r)).contains("amount");
        assertThat((String) json(get(token, "/api/v1/leads/" + lead), "$.status")).isEqualTo("new");
        assertThat((Integer) json(get(adminToken(), "/api/v1/customers?limit=5", "q", company), "$.items.length()")).isZero();
    }

    @Test
    void aNoteAddedAfterConversionAlsoShowsOnTheCustomer() {
        long lead = id(post(adminToken(), "/api/v1/leads", "{\"name\":\"Late Note\",\"company\":\"" + unique("Late Co")
                + "\",\"email\":\"" + unique("n") + "@late.cn\"}"), "$.lead.id");
        long customer = id(post(adminToken(), "/api/v1/leads/" + lead + "/convert", "{}"), "$.customerId");
        assertThat(post(adminToken(), "/api/v1/leads/" + lead + "/activities", "{\"type\":\"call\",\"subject\":\"after the deal\"}")).hasStatus(201);
        List<String> timeline = json(get(adminToken(), "/api/v1/activities?customerId=" + customer), "$.items[*].subject");
        assertThat(timeline).contains("after the deal");
    }
}
