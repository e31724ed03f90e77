package dev.rapport.customers.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rapport.customers.CustomerInput;
import dev.rapport.customers.CustomerManagement;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class ImportApiTest {

    static final String ADMIN = "admin@test.local";
    static final Path VCARDS = Path.of("../shared/data/vcard");

    @Autowired ImportManagement imports;
    @Autowired UserManagement users;
    @Autowired CustomerManagement customers;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    CurrentUser admin() {
        return users.load(ADMIN).orElseThrow();
    }

    CurrentUser userWithRole(String role) {
        String email = role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.local";
        users.create(email, "User " + role, "password-123456", role, 1L, null, admin().id());
        return users.load(email).orElseThrow();
    }

    ImportJob importNow(CurrentUser user, String fileName, byte[] content, String type, String mode) {
        ImportJob job = imports.upload(user, fileName, new ByteArrayInputStream(content), type, mode, null);
        return imports.run(user, job.id(), null, null, Map.of(), j -> { });
    }

    @Test
    void startsAnImportInTheBackgroundAndReportsItsErrors() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        MockMultipartFile file = new MockMultipartFile("file", "api.csv", "text/csv",
                ("Company,Telefon,Email\nApi " + u + ",13800001111,api" + u + "@example.com\nBroken " + u + ",12,\n")
                        .getBytes(StandardCharsets.UTF_8));
        String body = mvc.perform(multipart("/api/v1/imports").file(file).param("type", "customers").param("map.Telefon", "phone")
                        .with(user(ADMIN)).with(csrf()))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll("\\D", ""));
        ImportJob job = imports.find(admin(), id);
        for (int i = 0; i < 600 && !job.finished(); i++) {
            Thread.sleep(50);
            job = imports.find(admin(), id);
        }
        assertThat(job.status()).isEqualTo(ImportJob.DONE);
        mvc.perform(get("/api/v1/imports/" + id).with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1)).andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.totalRows").value(2)).andExpect(jsonPath("$.fileName").value("api.csv"));
        mvc.perform(get("/api/v1/imports/" + id + "/errors").with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].line").value(3))
                .andExpect(jsonPath("$.items[0].reason").value(org.hamcrest.Matchers.containsString("Phone")));
        String report = mvc.perform(get("/api/v1/imports/" + id + "/errors.csv").with(user(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(report).contains("Broken " + u);
        assertThat(jdbc.sql("select phone_normalized from customers where email_normalized = :e").param("e", "api" + u + "@example.com")
                .query(String.class).single()).isEqualTo("+8613800001111");
    }

    @Test
    void listsSkippedRowsWithTheirReasonInTheCallersLanguage() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        byte[] csv = ("Name,Email\nSkip " + u + ",s" + u + "@example.com\nSkip again " + u + ",s" + u + "@example.com\n")
                .getBytes(StandardCharsets.UTF_8);
        ImportJob job = importNow(admin(), "skips.csv", csv, "customers", "create");
        assertThat(job.created()).isEqualTo(1);
        assertThat(job.skipped()).isEqualTo(1);

        mvc.perform(get("/api/v1/imports/" + job.id() + "/skipped").header("Accept-Language", "zh-CN").with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].line").value(3))
                .andExpect(jsonPath("$.items[0].reason").value("邮箱: 与文件第 2 行重复"));
        mvc.perform(get("/api/v1/imports/" + job.id() + "/errors").with(user(ADMIN)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items").isEmpty());
        String report = mvc.perform(get("/api/v1/imports/" + job.id() + "/skipped.csv").with(user(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(report).contains("Skip again " + u);
        CurrentUser other = userWithRole("sales-rep");
        mvc.perform(get("/api/v1/imports/" + job.id() + "/skipped").with(user(other.email()))).andExpect(status().isNotFound());
    }

    @Test
    void answersProblemDetailsForAMissingFileAndAnUnknownType() throws Exception {
        mvc.perform(multipart("/api/v1/imports").param("type", "customers").with(user(ADMIN)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        MockMultipartFile file = new MockMultipartFile("file", "x.csv", "text/csv", "Name\nA\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/imports").file(file).param("type", "orders").with(user(ADMIN)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("type"));
    }

    @Test
    void onlyCustomersMatchOnACreditCode() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "x.csv", "text/csv", "Name,Email\nA,a@x.cn\n".getBytes(StandardCharsets.UTF_8));
        for (String type : List.of("contacts", "leads")) {
            mvc.perform(multipart("/api/v1/imports").file(file).param("type", type).param("matchOn", "creditCode")
                            .header("Accept-Language", "zh-CN").with(user(ADMIN)).with(csrf()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("matchOn"))
                    .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("联系人和线索没有信用代码")));
        }
        assertThat(imports.matchKeysByType(admin())).containsEntry("customers", List.of("email", "phone", "creditCode", "externalId"))
                .containsEntry("contacts", List.of("email", "phone", "externalId"))
                .containsEntry("leads", List.of("email", "phone", "externalId"));
    }

    @Test
    void refusesARoleWithoutImportPermission() throws Exception {
        CurrentUser marketer = userWithRole("marketer");
        MockMultipartFile file = new MockMultipartFile("file", "x.csv", "text/csv", "Name\nA\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/imports").file(file).param("type", "customers").with(user(marketer.email())).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aUserWithOwnScopeCannotLinkAContactToACustomerTheyCannotSee() {
        String u = UUID.randomUUID().toString().substring(0, 8);
        long hidden = customers.create(admin(), new CustomerInput("organization", "Hidden Co " + u, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, Map.of())).id();
        CurrentUser rep = userWithRole("sales-rep");
        String csv = "Name,Company,Email\nByName " + u + ",Hidden Co " + u + ",n" + u + "@example.com\n"
                + "ById " + u + "," + hidden + ",i" + u + "@example.com\n";
        ImportJob job = importNow(rep, "contacts.csv", csv.getBytes(StandardCharsets.UTF_8), "contacts", "create");

        assertThat(job.created()).isZero();
        assertThat(job.rejected()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from contacts where customer_id = :c").param("c", hidden).query(Long.class).single()).isZero();
        assertThat(imports.list(rep, 10)).extracting(ImportJob::id).containsExactly(job.id());
    }

    @Test
    void exportedCustomersImportBackWithoutDuplicates() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            customers.create(admin(), new CustomerInput("organization", "Round " + i + " " + u, null, null, null, "浙江", "杭州", null,
                    null, "制造", null, List.of("rt" + u), null, null, null, null, null, null, Map.of()));
        }
        byte[] csv = mvc.perform(get("/api/v1/customers/export").param("format", "csv").param("tag", "rt" + u).with(user(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(csv, StandardCharsets.UTF_8)).startsWith("\uFEFFrapportId,");

        ImportJob again = importNow(admin(), "export.csv", csv, "customers", "skip");
        assertThat(again.totalRows()).isEqualTo(3);
        assertThat(again.skipped()).isEqualTo(3);
        assertThat(again.created()).isZero();

        String edited = new String(csv, StandardCharsets.UTF_8).replace("杭州", "宁波");
        ImportJob updated = importNow(admin(), "export.csv", edited.getBytes(StandardCharsets.UTF_8), "customers", "update");
        assertThat(updated.updated()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from customers where tags like :t and city = '宁波'").param("t", "%,rt" + u + ",%")
                .query(Long.class).single()).isEqualTo(3);

        byte[] xlsx = mvc.perform(get("/api/v1/customers/export").param("format", "xlsx").param("tag", "rt" + u).with(user(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        ImportJob fromXlsx = importNow(admin(), "export.xlsx", xlsx, "customers", "skip");
        assertThat(fromXlsx.skipped()).isEqualTo(3);
        assertThat(fromXlsx.created()).isZero();
    }

    @Test
    void exportNeedsThePermission() throws Exception {
        CurrentUser agent = userWithRole("service-agent");
        mvc.perform(get("/api/v1/customers/export").param("format", "csv").with(user(agent.email())))
                .andExpect(status().isForbidden());
    }

    @Test
    void importsVCardFilesAsContacts() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(VCARDS), "shared vCard fixtures not found at ../shared/data/vcard");
        List<Path> files;
        try (Stream<Path> s = Files.walk(VCARDS)) {
            files = s.filter(p -> p.toString().endsWith(".vcf")).sorted().toList();
        }
        long created = 0;
        for (Path f : files) {
            ImportJob job = importNow(admin(), f.getFileName().toString(), Files.readAllBytes(f), "contacts", "skip");
            assertThat(job.status()).as(f.toString()).isEqualTo(ImportJob.DONE);
            assertThat(job.processed()).as(f.toString()).isEqualTo(job.totalRows());
            assertThat(job.created() + job.updated() + job.skipped() + job.rejected()).as(f.toString()).isEqualTo(job.totalRows());
            created += job.created();
        }
        assertThat(created).isGreaterThan(20);
        assertThat(jdbc.sql("select name from contacts where email_normalized = 'frank_dawson@lotus.com'").query(String.class).list())
                .containsExactly("Frank Dawson");
        assertThat(jdbc.sql("select count(*) from contacts where name = '최유림'").query(Long.class).single()).isEqualTo(1);
        ImportJob rfc = imports.list(admin(), 200).stream().filter(j -> j.fileName().equals("rfc2426-example.vcf")).findFirst().orElseThrow();
        assertThat(rfc.totalRows()).isEqualTo(2);
        ImportJob android = imports.list(admin(), 200).stream().filter(j -> j.fileName().equals("John_Doe_ANDROID.vcf")).findFirst().orElseThrow();
        assertThat(android.totalRows()).isEqualTo(6);
    }
}
