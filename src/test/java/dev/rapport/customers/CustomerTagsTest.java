package dev.rapport.customers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The tag filter reads customer_tags; every way a customer's tags change keeps those rows equal to the customer's tags. */
class CustomerTagsTest extends ApiTestSupport {

    @Autowired
    JdbcClient jdbc;

    List<String> namesTagged(String tag) {
        return json(get(adminToken(), "/api/v1/customers?limit=100&tag=" + tag), "$.items[*].name");
    }

    List<String> tagRows(long customer) {
        return jdbc.sql("select tag from customer_tags where customer_id = :c order by tag").param("c", customer).query(String.class).list();
    }

    @Test
    void createEditBulkTagMergeAndDeleteKeepTheTagIndexInStep() {
        String red = unique("red");
        String blue = unique("blue");
        String a = unique("Tagged A");
        String b = unique("Tagged B");
        long ca = createCustomer(adminToken(), "{\"name\":\"" + a + "\",\"tags\":[\"" + red + "\",\"" + blue + "\"]}");
        long cb = createCustomer(adminToken(), "{\"name\":\"" + b + "\",\"tags\":[\"" + blue + "\"]}");
        assertThat(namesTagged(red)).containsExactly(a);
        assertThat(namesTagged(blue)).containsExactlyInAnyOrder(a, b);
        assertThat(tagRows(ca)).containsExactlyInAnyOrder(red, blue);

        var edited = patch(adminToken(), "/api/v1/customers/" + ca, "{\"tags\":[\"" + red + "\"],\"version\":0}");
        assertThat(edited).as(body(edited)).hasStatusOk();
        assertThat(namesTagged(blue)).containsExactly(b);
        assertThat(tagRows(ca)).containsExactly(red);

        var bulk = post(adminToken(), "/api/v1/customers/bulk", "{\"action\":\"tag\",\"ids\":[" + cb + "],\"tag\":\"" + red + "\"}");
        assertThat(bulk).as(body(bulk)).hasStatusOk();
        assertThat(namesTagged(red)).containsExactlyInAnyOrder(a, b);

        long version = ((Number) json(get(adminToken(), "/api/v1/customers/" + cb), "$.version")).longValue();
        long versionA = ((Number) json(get(adminToken(), "/api/v1/customers/" + ca), "$.version")).longValue();
        var merged = post(adminToken(), "/api/v1/customers/merge", "{\"survivorId\":" + ca + ",\"ids\":[" + ca + "," + cb
                + "],\"versions\":{\"" + ca + "\":" + versionA + ",\"" + cb + "\":" + version + "}}");
        assertThat(merged).as(body(merged)).hasStatusOk();
        assertThat(namesTagged(blue)).containsExactly(a);
        assertThat(tagRows(ca)).containsExactlyInAnyOrder(red, blue);
        assertThat(tagRows(cb)).isEmpty();

        assertThat(delete(adminToken(), "/api/v1/customers/" + ca)).hasStatus(204);
        assertThat(namesTagged(red)).isEmpty();
        assertThat(tagRows(ca)).isEmpty();
    }

    @Test
    void aTagLongerThanTheIndexAllowsIsRefusedByName() {
        var r = post(adminToken(), "/api/v1/customers", "{\"name\":\"" + unique("Long tag") + "\",\"tags\":[\"" + "标".repeat(101) + "\"]}");
        assertThat(r).hasStatus(400);
        assertThat(body(r)).contains("tags").contains("100");
    }
}
