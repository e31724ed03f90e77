package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastApiTest extends ApiTestSupport {

    Number stageField(String name, String field) {
        List<Number> v = json(get(adminToken(), "/api/v1/pipelines"), "$[0].stages[?(@.name == '" + name + "')]." + field);
        return v.get(0);
    }

    long deal(String token, String amount, String closeDate) {
        long c = createCustomer(token, "{\"name\":\"" + unique("Fc") + "\"}");
        var r = post(token, "/api/v1/opportunities", "{\"name\":\"" + unique("Deal") + "\",\"customerId\":" + c
                + ",\"amount\":" + amount + ",\"expectedCloseDate\":\"" + closeDate + "\"}");
        assertThat(r).as(body(r)).hasStatus(201);
        return id(r, "$.id");
    }

    @Test
    void sumsOpenDealsPerMonthPlainAndWeightedWithinTheScope() {
        long dept = createDepartment(unique("Forecast team"), 1);
        String a = unique("rep") + "@test.local";
        String b = unique("rep") + "@test.local";
        long ida = createUser(a, "sales-rep", dept, null);
        createUser(b, "sales-rep", dept, null);
        String ta = token(a, "password-123");
        String tb = token(b, "password-123");
        deal(ta, "1000", "2031-03-05");
        deal(ta, "500", "2031-03-28");
        long moved = deal(ta, "2000", "2031-04-10");
        assertThat(post(ta, "/api/v1/opportunities/" + moved + "/stage",
                "{\"stageId\":" + stageField("Proposal", "id") + ",\"version\":0}")).hasStatusOk();
        deal(ta, "7000", "2031-06-01"); // outside the two months asked for
        deal(tb, "3000", "2031-03-10"); // another rep's: not in a's scope

        var r = get(ta, "/api/v1/forecast?from=2031-03&months=2&groupBy=owner");
        assertThat(r).as(body(r)).hasStatusOk();
        List<String> months = json(r, "$.months");
        assertThat(months).containsExactly("2031-03", "2031-04");
        List<Number> owners = json(r, "$.rows[*].groupId");
        assertThat(owners).containsExactly((int) ida);
        int qualification = stageField("Qualification", "probability").intValue();
        int proposal = stageField("Proposal", "probability").intValue();
        assertThat(new BigDecimal(json(r, "$.rows[0].months[0].amount").toString())).isEqualByComparingTo("1500");
        assertThat(new BigDecimal(json(r, "$.rows[0].months[0].weighted").toString()))
                .isEqualByComparingTo(BigDecimal.valueOf(1500L * qualification, 2));
        assertThat(new BigDecimal(json(r, "$.rows[0].months[1].weighted").toString()))
                .isEqualByComparingTo(BigDecimal.valueOf(2000L * proposal, 2));
        assertThat((Integer) json(r, "$.rows[0].count")).isEqualTo(3);

        var byDept = get(adminToken(), "/api/v1/forecast?from=2031-03&months=2&groupBy=department");
        List<Number> amounts = json(byDept, "$.rows[?(@.groupId == " + dept + ")].amount");
        assertThat(new BigDecimal(amounts.get(0).toString())).isEqualByComparingTo("6500");
    }

    @Test
    void badParametersNameTheField() {
        List<String> months = json(get(adminToken(), "/api/v1/forecast?months=99"), "$.errors[*].field");
        assertThat(months).containsExactly("months");
        List<String> from = json(get(adminToken(), "/api/v1/forecast?from=soon"), "$.errors[*].field");
        assertThat(from).containsExactly("from");
        assertThat(get(adminToken(), "/api/v1/forecast?groupBy=planet")).hasStatus(400);
    }
}
