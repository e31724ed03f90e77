package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.ApiTestSupport;
import dev.rapport.customers.importing.ImportJob;
import dev.rapport.customers.importing.ImportManagement;
import dev.rapport.customers.importing.ImportReports;
import dev.rapport.identity.CurrentUser;
import dev.rapport.platform.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Leads through the customers' importer (type leads): mapping, rejects, re-run, update, routing. */
class LeadImportTest extends ApiTestSupport {

    @Autowired ImportManagement imports;
    @Autowired ImportReports reports;
    @Autowired JdbcClient jdbc;

    private CurrentUser admin() {
        return users.load(ADMIN).orElseThrow();
    }

    private ImportJob importNow(CurrentUser user, String csv, String mode, String matchOn) {
        ImportJob job = imports.upload(user, "leads.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "leads",
                mode, matchOn);
        return imports.run(user, job.id(), null, null, Map.of(), j -> { });
    }

    private long count(String marker) {
        return jdbc.sql("select count(*) from leads where company like :m").param("m", "%" + marker + "%").query(Long.class).single();
    }

    /** A Salesforce lead report: labels as headers, three good rows and three bad ones. */
    private static String salesforceCsv(String m, String mobile) {
        return "Lead ID,First Name,Last Name,Company,Title,Email,Mobile,Lead Source,State/Province,City,Rating\n"
                + "00Q" + m + "1,Ada,Lovelace,Analytical " + m + ",CTO,ada." + m + "@example.com," + mobile + ",Web,Zhejiang,Hangzhou,Hot\n"
                + "00Q" + m + "2,三,张,杭州" + m + "科技,经理,zhang." + m + "@example.cn,,Trade show,浙江,杭州,\n"
                + "00Q" + m + "3,Bob,Stone,Stone " + m + ",,bob." + m + "@example.com,,,,,cold\n"
                + "00Q" + m + "4,Bad,Mail,Broken " + m + ",,not-an-email,,,,,\n"
                + "00Q" + m + "5,,,Nameless " + m + ",,nameless." + m + "@example.com,,,,,\n"
                + "00Q" + m + "6,Luke,Warm,Tepid " + m + ",,luke." + m + "@example.com,,,,,lukewarm\n";
    }

    @Test
    void importsLeadsWithBadRowsReportedAndARerunCreatesNothingNew() {
        String m = unique("sf").substring(3);
        // a phone no earlier run used, since phones match too and a test database may be kept between runs
        String mobile = "139" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
        ImportJob first = importNow(admin(), salesforceCsv(m, mobile), "create", null);
        assertThat(first.status()).isEqualTo(ImportJob.DONE);
        assertThat(first.created()).isEqualTo(3);
        assertThat(first.rejected()).isEqualTo(3);
        assertThat(count(m)).isEqualTo(3);

        List<ImportReports.Rejected> rejected = reports.page(admin(), first.id(), false, null, 10, Locale.ENGLISH).items();
        assertThat(rejected).extracting(ImportReports.Rejected::line).containsExactly(5L, 6L, 7L);
        assertThat(rejected.get(0).reason()).containsIgnoringCase("e-mail");
        assertThat(rejected.get(1).reason()).containsIgnoringCase("name");
        assertThat(rejected.get(2).reason()).containsIgnoringCase("rating");

        var ada = jdbc.sql("select name, title, phone_normalized, source, province, city, rating, external_id, owner_id, status "
                        + "from leads where email = :e").param("e", "ada." + m.toLowerCase() + "@example.com").query().singleRow();
        assertThat(ada.get("name")).isEqualTo("Ada Lovelace");
        assertThat(ada.get("title")).isEqualTo("CTO");
        assertThat(ada.get("phone_normalized")).isEqualTo("+86" + mobile);
        assertThat(ada.get("source")).isEqualTo("Web");
        assertThat(ada.get("province")).isEqualTo("Zhejiang");
        assertThat(ada.get("rating")).isEqualTo("hot");
        assertThat(ada.get("external_id")).isEqualTo("00Q" + m + "1");
        assertThat(((Number) ada.get("owner_id")).longValue()).isEqualTo(admin().id());
        assertThat(ada.get("status")).isEqualTo("new");
        assertThat(jdbc.sql("select name from leads where company = :c").param("c", "杭州" + m + "科技").query(String.class).single())
                .isEqualTo("张三");

        ImportJob again = importNow(admin(), salesforceCsv(m, mobile), "create", null);
        assertThat(again.created()).isZero();
        assertThat(again.skipped()).isEqualTo(3);
        assertThat(again.rejected()).isEqualTo(3);
        assertThat(count(m)).isEqualTo(3);
    }

    @Test
    void guessesTheMappingFromSalesforceHubSpotAndOutlookHeaders() {
        String csv = "Record ID,First Name,Last Name,Email,Phone Number,Company Name,Job Title,State/Region,City,Original Source,"
                + "Title,Business Phone\n1,A,B,a@example.com,13800138000,Acme,CEO,Zhejiang,Hangzhou,Web,Mr.,\n";
        ImportJob job = imports.upload(admin(), "hubspot.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "leads", null, null);
        ImportManagement.Preview preview = imports.preview(admin(), job.id());
        assertThat(preview.fields()).containsExactly("externalId", "firstName", "lastName", "email", "phone", "companyName", "title",
                "province", "city", "source", "", "phone");
        assertThat(preview.choices()).contains("companyName", "rating", "score", "externalId").doesNotContain("creditCode", "tags");
    }

    @Test
    void updateModeChangesMatchedLeadsByExternalIdAndAuditsTheChange() {
        String m = unique("up").substring(3);
        importNow(admin(), "Lead ID,Name,Company,Email,Title\nX" + m + ",Carol Ray,Ray " + m + ",carol." + m + "@example.com,Buyer\n",
                "create", null);
        ImportJob update = importNow(admin(), "Lead ID,Name,Company,Title\nX" + m + ",Carol Ray,Ray " + m + ",Head of buying\n",
                "update", "externalId");
        assertThat(update.updated()).isEqualTo(1);
        assertThat(update.created()).isZero();
        var row = jdbc.sql("select id, title, email from leads where external_id = :x").param("x", "X" + m).query().singleRow();
        assertThat(row.get("title")).isEqualTo("Head of buying");
        assertThat(row.get("email")).isEqualTo("carol." + m.toLowerCase() + "@example.com");
        long id = ((Number) row.get("id")).longValue();
        assertThat(body(get(adminToken(), "/api/v1/leads/" + id + "/history"))).contains("Head of buying");
    }

    @Test
    void rowsWithoutAnOwnerGoThroughTheAssignmentRulesForLeads() {
        String source = unique("expo");
        long rep = createUser(unique("rep") + "@test.local", "sales-rep", 1, null);
        long named = createUser(unique("named") + "@test.local", "sales-rep", 1, null);
        String namedEmail = users.find(named).orElseThrow().email();
        MvcTestResult rule = post(adminToken(), "/api/v1/assignment-rules", "{\"name\":\"expo\",\"position\":0,\"matchSource\":\""
                + source + "\",\"strategy\":\"fixed\",\"userIds\":[" + rep + "],\"appliesTo\":\"leads\"}");
        assertThat(rule).as(body(rule)).hasStatus(201);
        long ruleId = id(rule, "$.id");
        try {
            String m = unique("rt").substring(3);
            importNow(admin(), "Name,Company,Email,Source,Owner\nRouted,R " + m + ",r." + m + "@example.com," + source + ",\n"
                    + "Given,G " + m + ",g." + m + "@example.com," + source + "," + namedEmail + "\n", "create", null);
            var routed = jdbc.sql("select id, owner_id, assigned_rule_id from leads where company = :c").param("c", "R " + m)
                    .query().singleRow();
            assertThat(((Number) routed.get("owner_id")).longValue()).isEqualTo(rep);
            assertThat(((Number) routed.get("assigned_rule_id")).longValue()).isEqualTo(ruleId);
            assertThat(jdbc.sql("select owner_id from leads where company = :c").param("c", "G " + m).query(Long.class).single())
                    .isEqualTo(named);
            assertThat(body(get(adminToken(), "/api/v1/leads/" + routed.get("id") + "/history"))).contains("assigned by rule expo");
        } finally {
            delete(adminToken(), "/api/v1/assignment-rules/" + ruleId);
        }
    }

    @Test
    void importingLeadsNeedsLeadImportAndAKnownMatchKey() {
        String email = unique("agent") + "@test.local";
        createUser(email, "service-agent", 1, null);
        CurrentUser viewer = users.load(email).orElseThrow();
        assertThatThrownBy(() -> imports.upload(viewer, "l.csv", new ByteArrayInputStream("Name\nA\n".getBytes()), "leads", null, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.upload(admin(), "l.csv", new ByteArrayInputStream("Name\nA\n".getBytes()), "leads", null,
                "creditCode")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theApiImportsLeadsInTheBackground() throws Exception {
        String m = unique("api").substring(4);
        MockMultipartFile file = new MockMultipartFile("file", "leads.csv", "text/csv",
                ("Name,Company,Email\nApi Lead,Api " + m + ",api." + m + "@example.com\n").getBytes(StandardCharsets.UTF_8));
        MvcTestResult r = mvc.post().uri("/api/v1/imports").multipart().file(file).param("type", "leads")
                .header("Authorization", "Bearer " + adminToken()).exchange();
        assertThat(r).as(body(r)).hasStatus(202);
        long id = id(r, "$.id");
        ImportJob job = imports.find(admin(), id);
        for (int i = 0; i < 600 && !job.finished(); i++) {
            Thread.sleep(50);
            job = imports.find(admin(), id);
        }
        assertThat(job.status()).isEqualTo(ImportJob.DONE);
        assertThat(job.type()).isEqualTo("leads");
        assertThat(count("Api " + m)).isEqualTo(1);
    }
}
