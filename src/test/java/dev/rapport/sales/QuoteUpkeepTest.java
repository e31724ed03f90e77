package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Quotes expire after their valid-until date, and follow their owner's records when a rep leaves. */
class QuoteUpkeepTest extends ApiTestSupport {

    @Autowired
    QuoteUpkeep upkeep;

    @Autowired
    JdbcClient jdbc;

    long approvedQuote(String token) {
        long customer = createCustomer(token, "{\"name\":\"" + unique("过期测试") + "\"}");
        var q = post(token, "/api/v1/quotes", "{\"customerId\":" + customer + ",\"validUntil\":\"2099-01-01\","
                + "\"lines\":[{\"description\":\"咨询\",\"quantity\":1,\"unitPrice\":100}]}");
        assertThat(q).as(body(q)).hasStatus(201);
        long id = id(q, "$.id");
        assertThat(post(token, "/api/v1/quotes/" + id + "/submit", "{\"version\":0}")).hasStatusOk();
        return id;
    }

    @Test
    void anApprovedQuotePastItsValidUntilDateExpiresAndCanNoLongerBeSent() {
        long q = approvedQuote(adminToken());
        jdbc.sql("update quotes set valid_until = date '2020-01-01' where id = :id").param("id", q).update();

        upkeep.expireDue();

        var r = get(adminToken(), "/api/v1/quotes/" + q);
        assertThat(json(r, "$.status").toString()).isEqualTo("expired");
        assertThat(post(adminToken(), "/api/v1/quotes/" + q + "/send", "{\"version\":2,\"to\":\"x@example.test\"}")).hasStatus(400);
    }

    @Test
    void aDepartingRepsOpenQuotesGoToTheColleagueTakingOver() {
        String leaverEmail = unique("leaver") + "@test.local";
        String takerEmail = unique("taker") + "@test.local";
        long leaver = createUser(leaverEmail, "sales-rep", 1, null);
        long taker = createUser(takerEmail, "sales-rep", 1, null);
        long q = approvedQuote(token(leaverEmail, "password-123"));

        users.handOver(leaver, taker, users.findByEmail(ADMIN).orElseThrow().id());

        var r = get(token(takerEmail, "password-123"), "/api/v1/quotes/" + q);
        assertThat(r).hasStatusOk();
        assertThat(((Number) json(r, "$.ownerId")).longValue()).isEqualTo(taker);
    }
}
