package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import dev.rapport.identity.CurrentUser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The opportunity branch of a conversion, against a stand-in for the opportunities module (written
 * on another branch): what the conversion hands over, and that the lead links the new opportunity.
 */
@Import(LeadConversionWithOpportunityTest.Opportunities.class)
class LeadConversionWithOpportunityTest extends ApiTestSupport {

    record Call(String name, long customerId, Long contactId, BigDecimal amount, String currency, LocalDate close, long leadId) {
    }

    static final List<Call> CALLS = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class Opportunities {
        @Bean
        LeadOpportunitySeam opportunitySeam() {
            return (CurrentUser user, String name, long customerId, Long contactId, BigDecimal amount, String currency,
                    LocalDate close, long ownerId, long leadId) -> {
                CALLS.add(new Call(name, customerId, contactId, amount, currency, close, leadId));
                return 4242L;
            };
        }
    }

    @Test
    void convertingWithAnOpportunityHandsItsDetailsOverAndLinksIt() {
        MvcTestResult created = post(adminToken(), "/api/v1/leads", "{\"name\":\"Opp Person\",\"company\":\"" + unique("Opp Corp")
                + "\",\"email\":\"" + unique("o") + "@opp.cn\"}");
        long lead = id(created, "$.lead.id");
        assertThat((Boolean) json(get(adminToken(), "/api/v1/leads/" + lead + "/convert"), "$.opportunitiesAvailable")).isTrue();
        MvcTestResult r = post(adminToken(), "/api/v1/leads/" + lead + "/convert",
                "{\"opportunityName\":\"First order\",\"amount\":12000.50,\"currency\":\"CNY\",\"expectedCloseDate\":\"2027-03-31\"}");
        assertThat(r).as(body(r)).hasStatus(201);
        assertThat(id(r, "$.opportunityId")).isEqualTo(4242L);
        Call call = CALLS.stream().filter(c -> c.leadId() == lead).findFirst().orElseThrow();
        assertThat(call.name()).isEqualTo("First order");
        assertThat(call.customerId()).isEqualTo(id(r, "$.customerId"));
        assertThat(call.contactId()).isEqualTo(id(r, "$.contactId"));
        assertThat(call.amount()).isEqualByComparingTo("12000.50");
        assertThat(call.close()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(id(get(adminToken(), "/api/v1/leads/" + lead), "$.opportunityId")).isEqualTo(4242L);
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
