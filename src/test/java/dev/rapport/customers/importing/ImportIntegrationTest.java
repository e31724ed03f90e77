package dev.rapport.customers.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rapport.customers.CustomerInput;
import dev.rapport.customers.CustomerManagement;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class ImportIntegrationTest {

    static final String ADMIN = "admin@test.local";

    @Autowired ImportManagement imports;
    @Autowired ImportReports reports;
    @Autowired UserManagement users;
    @Autowired CustomerManagement customers;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    CurrentUser admin() {
        return users.load(ADMIN).orElseThrow();
    }

    ImportJob importNow(CurrentUser user, String fileName, byte[] content, String type, String mode, String matchOn) {
        ImportJob job = imports.upload(user, fileName, new ByteArrayInputStream(content), type, mode, matchOn);
        return imports.run(user, job.id(), null, null, Map.of(), j -> { });
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static byte[] utf8Bom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[body.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }

    long customersWithEmail(String email) {
        return jdbc.sql("select count(*) from customers where email_normalized = :e").param("e", email).query(Long.class).single();
    }

    @Test
    void importsSemicolonCsvWithBomAndRejectsBadRowsWithLineAndReason() {
        String u = unique();
        String csv = "名称;电话;邮箱;省;市\n"
                + "上海测试" + u + "有限公司;13800138000;a" + u + "@example.com;上海;上海\n"
                + "北京测试" + u + "有限公司;13900139000;b" + u + "@example.com;北京;北京\n"
                + "Bad Mail " + u + ";;not-an-email;;\n"
                + ";13700137000;c" + u + "@example.com;;\n";
        ImportJob job = importNow(admin(), "bom.csv", utf8Bom(csv), "customers", "create", null);

        assertThat(job.status()).isEqualTo(ImportJob.DONE);
        assertThat(job.totalRows()).isEqualTo(4);
        assertThat(job.created()).isEqualTo(2);
        assertThat(job.rejected()).isEqualTo(2);
        String name = jdbc.sql("select name from customers where email_normalized = :e").param("e", "a" + u + "@example.com")
                .query(String.class).single();
        assertThat(name).isEqualTo("上海测试" + u + "有限公司");
        var errors = reports.page(admin(), job.id(), false, null, 10, java.util.Locale.ENGLISH).items();
        assertThat(errors).extracting(ImportReports.Rejected::line).containsExactly(4L, 5L);
        assertThat(errors.get(0).reason()).contains("E-mail");
        assertThat(errors.get(0).raw()).contains("not-an-email");
        assertThat(errors.get(1).reason()).contains("Name");
    }

    @Test
    void importsGbkCsv() {
        String u = unique();
        String csv = "客户名称,手机,邮箱,行业\n广州贸易" + u + ",13600136000,g" + u + "@example.com,零售\n";
        ImportJob job = importNow(admin(), "gbk.csv", csv.getBytes(Charset.forName("GBK")), "customers", "create", null);

        assertThat(job.created()).isEqualTo(1);
        var row = jdbc.sql("select name, industry, phone_normalized from customers where email_normalized = :e")
                .param("e", "g" + u + "@example.com").query().singleRow();
        assertThat(row.get("name")).isEqualTo("广州贸易" + u);
        assertThat(row.get("industry")).isEqualTo("零售");
        assertThat(row.get("phone_normalized")).isEqualTo("+8613600136000");
    }

    @Test
    void stopsAtTheBlankRowBeforeTheSalesforceFooter() {
        String u = unique();
        String csv = "\"Account ID\",\"Account Name\",\"Industry\",\"Billing City\"\r\n"
                + "\"001" + u + "A\",\"Acme " + u + "\",\"Retail\",\"Boston\"\r\n"
                + "\"001" + u + "B\",\"Globex " + u + "\",\"Energy\",\"Paris\"\r\n"
                + "\r\n"
                + "\"Grand Totals (2 records)\"\r\n"
                + "\"Confidential Information - Do Not Distribute\"\r\n"
                + "\"Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved.\"\r\n";
        ImportJob job = importNow(admin(), "report.csv", csv.getBytes(StandardCharsets.UTF_8), "customers", "create", null);

        assertThat(job.totalRows()).isEqualTo(2);
        assertThat(job.created()).isEqualTo(2);
        assertThat(job.rejected()).isZero();
        assertThat(jdbc.sql("select city from customers where external_id = :x").param("x", "001" + u + "B").query(String.class).single())
                .isEqualTo("Paris");
    }

    @Test
    void reimportingTheSameFileCreatesNothingNew() {
        String u = unique();
        String csv = "Name,Email,Phone\nOne " + u + ",one" + u + "@example.com,\nTwo " + u + ",,+86 135 0000 " + u.substring(0, 4).replaceAll("\\D", "1") + "\n"
                + "One again " + u + ",ONE" + u + "@example.com,\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        ImportJob first = importNow(admin(), "twice.csv", bytes, "customers", "skip", null);
        assertThat(first.created()).isEqualTo(2);
        assertThat(first.skipped()).as("the in-file duplicate of row one").isEqualTo(1);

        ImportJob second = importNow(admin(), "twice.csv", bytes, "customers", "skip", null);
        assertThat(second.created()).isZero();
        assertThat(second.skipped()).isEqualTo(3);
        ImportJob third = importNow(admin(), "twice.csv", bytes, "customers", "create", null);
        assertThat(third.created()).isZero();
        assertThat(third.skipped()).as("create mode skips what matches, it does not reject it").isEqualTo(3);
        assertThat(third.rejected()).isZero();
        assertThat(customersWithEmail("one" + u + "@example.com")).isEqualTo(1);
    }

    @Test
    void updateModeChangesMatchedRecordsAndKeepsUnmappedFields() {
        String u = unique();
        importNow(admin(), "a.csv", ("Name,Email,City,Industry\nUpd " + u + ",u" + u + "@example.com,Hangzhou,Tea\n")
                .getBytes(StandardCharsets.UTF_8), "customers", "create", null);
        ImportJob job = importNow(admin(), "b.csv", ("Email,City\nu" + u + "@example.com,Suzhou\nnew" + u + "@example.com,Wuxi\n")
                .getBytes(StandardCharsets.UTF_8), "customers", "update", "email");

        assertThat(job.updated()).isEqualTo(1);
        assertThat(job.rejected()).as("a new row without a name").isEqualTo(1);
        var row = jdbc.sql("select name, city, industry from customers where email_normalized = :e")
                .param("e", "u" + u + "@example.com").query().singleRow();
        assertThat(row.get("city")).isEqualTo("Suzhou");
        assertThat(row.get("industry")).isEqualTo("Tea");
        assertThat(row.get("name")).isEqualTo("Upd " + u);
    }

    @Test
    void importsGoogleContactsLinkedToTheirCompany() {
        String u = unique();
        long company = customers.create(admin(), new CustomerInput("organization", "Analytical Engines " + u, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, Map.of())).id();
        String csv = "First Name,Middle Name,Last Name,Organization Name,Organization Title,Birthday,Labels,E-mail 1 - Label,"
                + "E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value\n"
                + "Ada,,Lovelace,Analytical Engines " + u + ",Countess,1815-12-10,* myContacts,* Work,ada" + u
                + "@example.com ::: other@example.com,Mobile,+44 20 7946 0958\n";
        ImportJob job = importNow(admin(), "google.csv", utf8Bom(csv), "contacts", "create", null);

        assertThat(job.created()).isEqualTo(1);
        var row = jdbc.sql("select name, title, customer_id, birthday, email_normalized from contacts where email_normalized = :e")
                .param("e", "ada" + u + "@example.com").query().singleRow();
        assertThat(row.get("name")).isEqualTo("Ada Lovelace");
        assertThat(row.get("title")).isEqualTo("Countess");
        assertThat(((Number) row.get("customer_id")).longValue()).isEqualTo(company);
        assertThat(row.get("birthday").toString()).isEqualTo("1815-12-10");
    }

    @Test
    void importsXlsx() throws Exception {
        String u = unique();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("Sheet1");
        ws.value(0, 0, "客户名称");
        ws.value(0, 1, "邮箱");
        ws.value(0, 2, "电话");
        ws.value(1, 0, "表格公司" + u);
        ws.value(1, 1, "x" + u + "@example.com");
        ws.value(1, 2, 13512345678L);
        ws.finish();
        wb.finish();
        ImportJob job = importNow(admin(), "book.xlsx", out.toByteArray(), "customers", "create", null);

        assertThat(job.created()).isEqualTo(1);
        assertThat(jdbc.sql("select phone_normalized from customers where email_normalized = :e").param("e", "x" + u + "@example.com")
                .query(String.class).single()).isEqualTo("+8613512345678");
    }
}
