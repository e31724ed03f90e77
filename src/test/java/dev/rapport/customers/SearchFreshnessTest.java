package dev.rapport.customers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Search answers from the current data the moment a change is saved: on embedded H2 it matches in
 * memory (EmbeddedSearchIndex), on PostgreSQL through the trigram index, and both must agree.
 */
class SearchFreshnessTest extends ApiTestSupport {

    @Test
    void aRenamedCustomerIsFoundByItsNewNameOnly() {
        String before = unique("Alpha").replace("-", "");
        String after = unique("Omega").replace("-", "");
        long id = createCustomer(adminToken(), "{\"name\":\"" + before + "\"}");
        assertThat(found(adminToken(), before)).containsExactly(id);
        assertThat(patch(adminToken(), "/api/v1/customers/" + id, "{\"name\":\"" + after + "\",\"version\":0}")).hasStatusOk();
        assertThat(found(adminToken(), after)).containsExactly(id);
        assertThat(found(adminToken(), before)).isEmpty();
    }

    @Test
    void aDeletedCustomerIsNoLongerFound() {
        String name = unique("Gone").replace("-", "");
        long id = createCustomer(adminToken(), "{\"name\":\"" + name + "\"}");
        assertThat(found(adminToken(), name)).containsExactly(id);
        assertThat(delete(adminToken(), "/api/v1/customers/" + id)).hasStatus(204);
        assertThat(found(adminToken(), name)).isEmpty();
    }

    @Test
    void aCustomerHandedToAnotherRepLeavesTheFirstRepsSearch() {
        String first = unique("first") + "@test.local";
        String second = unique("second") + "@test.local";
        long firstId = createUser(first, "sales-rep", 1, null);
        long secondId = createUser(second, "sales-rep", 1, null);
        String firstToken = token(first, "password-123");
        String secondToken = token(second, "password-123");
        String name = unique("Moving").replace("-", "");
        long id = createCustomer(firstToken, "{\"name\":\"" + name + "\",\"ownerId\":" + firstId + "}");
        assertThat(found(firstToken, name)).containsExactly(id);
        assertThat(found(secondToken, name)).isEmpty();

        assertThat(post(adminToken(), "/api/v1/customers/bulk",
                "{\"action\":\"owner\",\"ids\":[" + id + "],\"ownerId\":" + secondId + "}")).hasStatusOk();

        assertThat(found(firstToken, name)).isEmpty();
        assertThat(found(secondToken, name)).containsExactly(id);
    }

    private List<Long> found(String token, String q) {
        return CustomerApiTest.ids(get(token, "/api/v1/search", "q", q), "$.customers[*].id");
    }
}
