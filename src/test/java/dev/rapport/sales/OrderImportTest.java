package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import dev.rapport.identity.CurrentUser;
import dev.rapport.sales.importing.OrderImportError;
import dev.rapport.sales.importing.OrderImportManagement;
import dev.rapport.sales.importing.OrderImportView;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

class OrderImportTest extends ApiTestSupport {

    @Autowired
    OrderImportManagement imports;

    private String file(String a, String b, String prefix) {
        return "客户编号,订单号,订单日期,币种,品名,数量,单价,税率\n"
                + a + "," + prefix + "1,2021-03-01,CNY,Tea,2,10,13\n"
                + a + "," + prefix + "1,2021-03-01,CNY,Cups,1,5,\n"
                + b + "," + prefix + "2,2022/05/06,CNY,Tea,1,100,\n"
                + "NOPE-" + prefix + "," + prefix + "3,2022-01-01,CNY,Tea,1,1,\n"
                + b + "," + prefix + "4,not a date,CNY,Tea,1,1,\n"
                + b + "," + prefix + "5,2023-01-01,CNY,Tea,-1,1,\n";
    }

    @Test
    void importsGoodRowsRejectsBadOnesWithReasonsAndASecondRunCreatesNothing() throws Exception {
        String a = unique("ERP");
        String b = unique("ERP");
        long ca = createCustomer(adminToken(), "{\"name\":\"" + unique("History A") + "\",\"externalId\":\"" + a + "\",\"status\":\"potential\"}");
        long cb = createCustomer(adminToken(), "{\"name\":\"" + unique("History B") + "\",\"externalId\":\"" + b + "\"}");
        String prefix = unique("H") + "-";
        byte[] csv = file(a, b, prefix).getBytes(StandardCharsets.UTF_8);
        CurrentUser admin = users.load(ADMIN).orElseThrow();

        var preview = imports.upload(admin, "history.csv", new ByteArrayInputStream(csv));
        assertThat(preview.mapping()).containsEntry("customerKey", "客户编号").containsEntry("orderNumber", "订单号")
                .containsEntry("unitPrice", "单价").containsEntry("taxRate", "税率");
        OrderImportView done = imports.run(admin, preview.job().id(), "EXTERNAL_ID", Map.of());
        assertThat(done.status()).isEqualTo("done");
        assertThat(done.created()).isEqualTo(2);
        assertThat(done.rejected()).isEqualTo(3);
        assertThat(done.workDone()).isEqualTo(6);
        List<OrderImportError> errors = imports.errors(admin, done.id(), 0, 100);
        assertThat(errors).extracting(OrderImportError::line, OrderImportError::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5L, "customerNotFound"), org.assertj.core.groups.Tuple.tuple(6L, "orderDate"),
                        org.assertj.core.groups.Tuple.tuple(7L, "amounts"));

        var orders = get(adminToken(), "/api/v1/orders?customerId=" + ca);
        assertThat(body(orders)).contains(prefix + "1").contains("\"total\":27.6").contains("\"status\":\"fulfilled\"");
        assertThat(get(adminToken(), "/api/v1/customers/" + ca)).bodyJson().extractingPath("$.status").isEqualTo("current");
        assertThat(get(adminToken(), "/api/v1/customers/" + cb + "/receivables")).bodyJson().extractingPath("$.orders").isEqualTo(1);

        var again = imports.upload(admin, "history.csv", new ByteArrayInputStream(csv));
        OrderImportView second = imports.run(admin, again.job().id(), "EXTERNAL_ID", Map.of());
        assertThat(second.created()).isZero();
        assertThat(second.skipped()).isEqualTo(3);
        assertThat(second.rejected()).isEqualTo(3);
        assertThat(get(adminToken(), "/api/v1/customers/" + cb + "/receivables")).bodyJson().extractingPath("$.orders").isEqualTo(1);
        var report = get(adminToken(), "/api/v1/order-imports/" + second.id() + "/report.csv");
        assertThat(body(report)).contains("skipped,exists").contains("rejected,orderDate");
    }

    @Test
    void theApiTakesAMultipartUploadAndAnswersWithAPreview() {
        var r = mvc.post().uri("/api/v1/order-imports").header("Authorization", "Bearer " + adminToken())
                .multipart().file(new MockMultipartFile("file", "orders.csv", "text/csv",
                        "external id,order number,date,total\nX,1,2020-01-01,5\n".getBytes(StandardCharsets.UTF_8))).exchange();
        assertThat(r).as(body(r)).hasStatus(201);
        assertThat(body(r)).contains("\"orderNumber\":\"order number\"").contains("\"total\":\"total\"");
        var bad = mvc.post().uri("/api/v1/order-imports").header("Authorization", "Bearer " + adminToken())
                .multipart().file(new MockMultipartFile("file", "orders.pdf", "application/pdf", new byte[] {1})).exchange();
        assertThat(bad).hasStatus(400);
    }
}
