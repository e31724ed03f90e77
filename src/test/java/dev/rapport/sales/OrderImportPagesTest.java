package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.rapport.ApiTestSupport;
import dev.rapport.identity.CurrentUser;
import dev.rapport.sales.importing.OrderImportManagement;
import dev.rapport.sales.importing.OrderImportView;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

/** The order import's upload → preview and column mapping → progress and report pages, with a CSV and an xlsx with bad rows. */
class OrderImportPagesTest extends ApiTestSupport {

    @Autowired
    OrderImportManagement imports;

    private long upload(String name, byte[] content) {
        var r = mvc.post().uri("/order-imports").with(user(ADMIN)).with(csrf())
                .multipart().file(new MockMultipartFile("file", name, "application/octet-stream", content)).exchange();
        assertThat(r).hasStatus3xxRedirection();
        String location = r.getResponse().getRedirectedUrl();
        assertThat(location).matches("/order-imports/\\d+/preview");
        return Long.parseLong(location.replaceAll("\\D", ""));
    }

    @Test
    void theMappingIsGuessedFromTheHeadersAndTheUserFixesAColumnItCouldNotGuess() {
        String key = unique("ERP");
        createCustomer(adminToken(), "{\"name\":\"" + unique("Mapped") + "\",\"externalId\":\"" + key + "\"}");
        String number = unique("M");
        String csv = "Kunde,订单号,订单日期,金额\n" + key + "," + number + ",2021-03-01,99.50\n";
        long id = upload("mapped.csv", csv.getBytes(StandardCharsets.UTF_8));

        String preview = body(mvc.get().uri("/order-imports/" + id + "/preview?lang=en").with(user(ADMIN)).exchange());
        assertThat(preview).contains("name=\"col.0\"").contains("<option value=\"orderNumber\" selected=\"selected\"")
                .contains("<option value=\"total\" selected=\"selected\"").contains(number);
        // the unknown "Kunde" column is not mapped: starting without a customer column is refused, on the page
        var refused = mvc.post().uri("/order-imports/" + id + "/start?lang=en").with(user(ADMIN)).with(csrf())
                .param("matchOn", "EXTERNAL_ID").param("col.0", "").param("col.1", "orderNumber").param("col.2", "orderDate")
                .param("col.3", "total").exchange();
        assertThat(body(refused)).contains("data-field=\"mapping\"").contains("order-mapping-form")
                .contains("needs a column for Customer (match key)");
        var twice = mvc.post().uri("/order-imports/" + id + "/start?lang=en").with(user(ADMIN)).with(csrf())
                .param("col.0", "customerKey").param("col.1", "orderNumber").param("col.2", "orderNumber").param("col.3", "total").exchange();
        assertThat(body(twice)).contains("gives the field Order number to two columns").contains("data-field=\"mapping\"");

        var started = mvc.post().uri("/order-imports/" + id + "/start").with(user(ADMIN)).with(csrf())
                .param("matchOn", "EXTERNAL_ID").param("col.0", "customerKey").param("col.1", "orderNumber").param("col.2", "orderDate")
                .param("col.3", "total").exchange();
        assertThat(started).hasRedirectedUrl("/order-imports/" + id);
        assertThat(imports.get(users.load(ADMIN).orElseThrow(), id).mapping().split(";"))
                .containsExactlyInAnyOrder("customerKey=0", "orderNumber=1", "orderDate=2", "total=3");
        String fragment = body(mvc.get().uri("/order-imports/" + id).header("HX-Request", "true").with(user(ADMIN)).exchange());
        assertThat(fragment).contains("id=\"order-import-progress\"").contains("<progress").doesNotContain("<html");
        // once started, the preview sends to the progress page
        assertThat(mvc.get().uri("/order-imports/" + id + "/preview").with(user(ADMIN)).exchange()).hasRedirectedUrl("/order-imports/" + id);
    }

    @Test
    void anXlsxWithDateCellsAndBadRowsImportsTheGoodOnesAndReportsTheRest() throws Exception {
        String key = unique("XL");
        long customer = createCustomer(adminToken(), "{\"name\":\"" + unique("Excel") + "\",\"externalId\":\"" + key + "\"}");
        String prefix = unique("X") + "-";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "Rapport test", "1.0")) {
            Worksheet ws = wb.newWorksheet("订单");
            String[] headers = {"客户编号", "订单号", "订单日期", "品名", "数量", "单价"};
            for (int c = 0; c < headers.length; c++) {
                ws.value(0, c, headers[c]);
            }
            Object[][] rows = {
                {key, prefix + "1", LocalDate.of(2020, 5, 6), "Tea", 2, 10},
                {key, prefix + "1", LocalDate.of(2020, 5, 6), "Cups", 1, 5},
                {"NOBODY", prefix + "2", LocalDate.of(2020, 6, 1), "Tea", 1, 1},
                {key, prefix + "3", "yesterday", "Tea", 1, 1},
            };
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof LocalDate d) {
                        ws.value(r + 1, c, d);
                        ws.style(r + 1, c).format("yyyy-mm-dd").set();
                    } else if (v instanceof Number n) {
                        ws.value(r + 1, c, n);
                    } else {
                        ws.value(r + 1, c, (String) v);
                    }
                }
            }
        }
        long id = upload("history.xlsx", out.toByteArray());
        String preview = body(mvc.get().uri("/order-imports/" + id + "/preview?lang=zh-CN").with(user(ADMIN)).exchange());
        assertThat(preview).contains("2020-05-06").contains("客户（匹配键）");

        CurrentUser admin = users.load(ADMIN).orElseThrow();
        OrderImportView done = imports.run(admin, id, "EXTERNAL_ID", Map.of());
        assertThat(done.created()).isEqualTo(1);
        assertThat(done.rejected()).isEqualTo(2);
        assertThat(body(get(adminToken(), "/api/v1/orders?customerId=" + customer))).contains(prefix + "1").contains("2020-05-06");

        String page = body(mvc.get().uri("/order-imports/" + id + "?lang=en").with(user(ADMIN)).exchange());
        assertThat(page).contains("id=\"order-import-errors\"").contains("no customer with this key").contains("not a date")
                .contains("/api/v1/order-imports/" + id + "/report.csv").doesNotContain("hx-trigger");
        String report = body(mvc.get().uri("/api/v1/order-imports/" + id + "/report.csv").with(user(ADMIN)).exchange());
        assertThat(report).contains("4,rejected,customerNotFound").contains("5,rejected,orderDate");
        assertThat(body(mvc.get().uri("/order-imports?lang=en").with(user(ADMIN)).exchange())).contains("/order-imports/" + id + "\"")
                .contains("history.xlsx");
    }

    @Test
    void aCsvWithBadRowsIsReportedRowByRowOnTheProgressPage() throws Exception {
        String key = unique("CSV");
        createCustomer(adminToken(), "{\"name\":\"" + unique("Csv") + "\",\"externalId\":\"" + key + "\"}");
        String prefix = unique("C") + "-";
        String csv = "customer id,order number,order date,currency,total\n"
                + key + "," + prefix + "1,2022-01-05,CNY,100\n"
                + key + "," + prefix + "2,2022-01-06,QQQ,100\n"
                + key + "," + prefix + "3,2022-01-07,CNY,-5\n"
                + key + ",,2022-01-08,CNY,5\n";
        long id = upload("bad.csv", csv.getBytes(StandardCharsets.UTF_8));
        OrderImportView done = imports.run(users.load(ADMIN).orElseThrow(), id, "EXTERNAL_ID", Map.of());
        assertThat(done.created()).isEqualTo(1);
        assertThat(done.rejected()).isEqualTo(3);
        String page = body(mvc.get().uri("/order-imports/" + id + "?lang=zh-CN").with(user(ADMIN)).exchange());
        assertThat(page).contains("不是币种代码").contains("金额有误").contains("缺少订单号");
    }

    @Test
    void anUploadWithoutAFileOrOfAnotherKindIsRefusedOnThePage() {
        var none = mvc.post().uri("/order-imports?lang=en").with(user(ADMIN)).with(csrf()).multipart().exchange();
        assertThat(body(none)).contains("data-field=\"file\"");
        var pdf = mvc.post().uri("/order-imports?lang=en").with(user(ADMIN)).with(csrf())
                .multipart().file(new MockMultipartFile("file", "orders.pdf", "application/pdf", new byte[] {1})).exchange();
        assertThat(body(pdf)).contains("data-field=\"file\"").contains("order-upload-form");
    }
}
