package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class LeadApiTest extends ApiTestSupport {

    private String rep() {
        String email = unique("rep") + "@test.local";
        createUser(email, "sales-rep", 1, null);
        return token(email, "password-123");
    }

    private long lead(String token, String json) {
        MvcTestResult r = post(token, "/api/v1/leads", json);
        assertThat(r).as(body(r)).hasStatus(201);
        return id(r, "$.lead.id");
    }

    @Test
    void createsReadsAndFindsALeadByPinyinInitialsAndPhone() {
        String token = rep();
        String company = unique("华为");
        long id = lead(token, "{\"name\":\"张伟\",\"company\":\"" + company + "\",\"phone\":\"138 0013 8" + (100 + (int) (Math.random() * 899)) + "\",\"source\":\"web\"}");
        MvcTestResult r = get(token, "/api/v1/leads/" + id);
        assertThat(r).hasStatus(200);
        assertThat(r.getResponse().getHeader("ETag")).isEqualTo("\"0\"");
        assertThat((String) json(r, "$.status")).isEqualTo("new");
        assertThat((String) json(r, "$.phoneNormalized")).startsWith("+86138");
        List<Integer> byInitials = json(get(token, "/api/v1/leads", "q", "zw"), "$.items[*].id");
        assertThat(byInitials).contains((int) id);
        List<Integer> byPinyin = json(get(token, "/api/v1/leads", "q", "zhangwei"), "$.items[*].id");
        assertThat(byPinyin).contains((int) id);
        List<Integer> byCompany = json(get(token, "/api/v1/leads", "q", company), "$.items[*].id");
        assertThat(byCompany).containsExactly((int) id);
    }

    @Test
    void anotherRepsLeadIsNotFoundInGetListAndSearch() {
        String mine = rep();
        String other = rep();
        String name = unique("Hidden");
        long id = lead(mine, "{\"name\":\"" + name + "\",\"email\":\"" + name.toLowerCase() + "@x.cn\"}");
        assertThat(get(other, "/api/v1/leads/" + id)).hasStatus(404);
        assertThat(put(other, "/api/v1/leads/" + id, "{\"name\":\"x\",\"email\":\"a@b.cn\",\"version\":0}", null)).hasStatus(404);
        assertThat(get(other, "/api/v1/leads/" + id + "/activities")).hasStatus(404);
        List<Integer> listed = json(get(other, "/api/v1/leads?limit=200"), "$.items[*].id");
        assertThat(listed).doesNotContain((int) id);
        List<Integer> searched = json(get(other, "/api/v1/leads", "q", name), "$.items[*].id");
        assertThat(searched).isEmpty();
        List<Integer> adminSees = json(get(adminToken(), "/api/v1/leads", "q", name), "$.items[*].id");
        assertThat(adminSees).containsExactly((int) id);
    }

    @Test
    void aStaleUpdateIsAConflictAndNothingIsOverwritten() {
        String token = rep();
        long id = lead(token, "{\"name\":\"Li Lei\",\"email\":\"" + unique("li") + "@x.cn\"}");
        assertThat(put(token, "/api/v1/leads/" + id, "{\"name\":\"Li Lei 2\",\"email\":\"li2@x.cn\"}", "\"0\"")).hasStatus(200);
        MvcTestResult stale = put(token, "/api/v1/leads/" + id, "{\"name\":\"Li Lei 3\",\"email\":\"li3@x.cn\",\"version\":0}", null);
        assertThat(stale).hasStatus(409);
        assertThat((String) json(get(token, "/api/v1/leads/" + id), "$.name")).isEqualTo("Li Lei 2");
    }

    @Test
    void badInputNamesTheFieldInTheProblem() {
        MvcTestResult r = post(rep(), "/api/v1/leads", "{\"name\":\"\",\"email\":\"not-an-email\",\"score\":400}");
        assertThat(r).hasStatus(400);
        List<String> fields = json(r, "$.errors[*].field");
        assertThat(fields).contains("name", "email", "score");
    }

    @Test
    void warnsOfLeadsWithTheSamePhoneOrEmail() {
        String token = rep();
        String email = unique("dup") + "@x.cn";
        long first = lead(token, "{\"name\":\"A\",\"email\":\"" + email + "\"}");
        MvcTestResult r = post(token, "/api/v1/leads", "{\"name\":\"B\",\"email\":\"" + email.toUpperCase() + "\"}");
        assertThat(r).hasStatus(201);
        List<Integer> dups = json(r, "$.possibleDuplicates[*].id");
        assertThat(dups).containsExactly((int) first);
    }

    @Test
    void disqualifyingNeedsAReasonAndBulkStatusReportsPerId() {
        String token = rep();
        long id = lead(token, "{\"name\":\"Q\",\"email\":\"" + unique("q") + "@x.cn\"}");
        assertThat(post(token, "/api/v1/leads/" + id + "/status", "{\"status\":\"unqualified\",\"version\":0}")).hasStatus(400);
        MvcTestResult r = post(token, "/api/v1/leads/" + id + "/status", "{\"status\":\"unqualified\",\"reason\":\"no budget\",\"version\":0}");
        assertThat(r).hasStatus(200);
        assertThat((String) json(r, "$.unqualifiedReason")).isEqualTo("no budget");
        MvcTestResult bulk = post(token, "/api/v1/leads/bulk", "{\"action\":\"status\",\"status\":\"working\",\"ids\":[" + id + ",999999999]}");
        assertThat(bulk).hasStatus(200);
        List<Integer> done = json(bulk, "$.done");
        List<Integer> notFound = json(bulk, "$.notFound");
        assertThat(done).containsExactly((int) id);
        assertThat(notFound).containsExactly(999999999);
    }

    @Test
    void notesOnALeadShowOnItsTimeline() {
        String token = rep();
        long id = lead(token, "{\"name\":\"T\",\"email\":\"" + unique("t") + "@x.cn\"}");
        assertThat(post(token, "/api/v1/leads/" + id + "/activities", "{\"type\":\"note\",\"subject\":\"met at fair\"}")).hasStatus(201);
        assertThat(post(token, "/api/v1/leads/" + id + "/activities", "{\"type\":\"task\",\"subject\":\"call back\",\"dueAt\":\"2099-01-01T00:00:00Z\"}")).hasStatus(201);
        List<String> subjects = json(get(token, "/api/v1/leads/" + id + "/activities"), "$.items[*].subject");
        assertThat(subjects).containsExactly("call back", "met at fair");
    }

    @Test
    void aDepartingRepsLeadsGoToTheColleagueTakingOver() {
        String email = unique("leaver") + "@test.local";
        long leaver = createUser(email, "sales-rep", 1, null);
        long heir = createUser(unique("heir") + "@test.local", "sales-rep", 1, null);
        long id = lead(token(email, "password-123"), "{\"name\":\"Left behind\",\"email\":\"" + unique("lb") + "@x.cn\"}");
        users.handOver(leaver, heir, 1L);
        assertThat(id(get(adminToken(), "/api/v1/leads/" + id), "$.ownerId")).isEqualTo(heir);
    }
}
