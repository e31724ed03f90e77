package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import org.junit.jupiter.api.Test;

class OpportunityExportTest extends ApiTestSupport {

    @Test
    void exportsOnlyWhatTheRepMaySeeAndNeedsThePermission() {
        String a = unique("rep") + "@test.local";
        String b = unique("rep") + "@test.local";
        createUser(a, "sales-rep", 1, null);
        createUser(b, "service-agent", 1, null);
        String ta = token(a, "password-123");
        long c = createCustomer(ta, "{\"name\":\"" + unique("Export") + "\"}");
        String mine = unique("导出商机");
        post(ta, "/api/v1/opportunities", "{\"name\":\"" + mine + "\",\"customerId\":" + c + ",\"amount\":99.5}");
        post(adminToken(), "/api/v1/opportunities", "{\"name\":\"not yours\",\"customerId\":"
                + createCustomer(adminToken(), "{\"name\":\"" + unique("Other") + "\"}") + "}");
        var r = get(ta, "/api/v1/opportunities/export");
        assertThat(r).hasStatusOk();
        String csv = body(r);
        assertThat(csv).startsWith("\uFEFFid,name,customerId").contains(mine).contains("99.50").doesNotContain("not yours");
        assertThat(get(token(b, "password-123"), "/api/v1/opportunities/export")).hasStatus(403);
    }
}
