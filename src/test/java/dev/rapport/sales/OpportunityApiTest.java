package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@RecordApplicationEvents
class OpportunityApiTest extends ApiTestSupport {

    @Autowired
    ApplicationEvents events;

    /** The default pipeline's stage id of the given kind/name, from the API. */
    long stage(String name) {
        List<Number> ids = json(get(adminToken(), "/api/v1/pipelines"), "$[0].stages[?(@.name == '" + name + "')].id");
        return ids.get(0).longValue();
    }

    long createOpportunity(String token, long customer, String extra) {
        var r = post(token, "/api/v1/opportunities", "{\"name\":\"" + unique("Deal") + "\",\"customerId\":" + customer + extra + "}");
        assertThat(r).as(body(r)).hasStatus(201);
        return id(r, "$.id");
    }

    @Test
    void createsAnOpportunityInTheFirstOpenStageOfTheDefaultPipeline() {
        long c = createCustomer(adminToken(), "{\"name\":\"" + unique("Acme") + "\"}");
        var r = post(adminToken(), "/api/v1/opportunities", "{\"name\":\"ERP rollout\",\"customerId\":" + c
                + ",\"amount\":120000.5,\"expectedCloseDate\":\"2027-03-31\",\"competitors\":\"Salesforce\"}");
        assertThat(r).as(body(r)).hasStatus(201);
        assertThat(r.getResponse().getHeader("ETag")).isEqualTo("\"0\"");
        assertThat((String) json(r, "$.stageName")).isEqualTo("Qualification");
        assertThat((String) json(r, "$.status")).isEqualTo("open");
        assertThat((String) json(r, "$.currency")).isEqualTo("CNY");
        assertThat(json(r, "$.amount").toString()).isEqualTo("120000.5");
        assertThat((Integer) json(r, "$.probability")).isEqualTo(10);
        long id = id(r, "$.id");
        assertThat(get(adminToken(), "/api/v1/opportunities/" + id)).hasStatusOk();
        List<String> fields = json(get(adminToken(), "/api/v1/opportunities/" + id + "/history"), "$.items[*].field");
        assertThat(fields).contains("name", "amount", "customer_id");
        List<Number> stages = json(get(adminToken(), "/api/v1/opportunities/" + id + "/stage-history"), "$[*].toStageId");
        assertThat(stages).hasSize(1);
    }

    @Test
    void badInputIsRefusedWithFieldMessages() {
        var r = post(adminToken(), "/api/v1/opportunities", "{\"name\":\"\",\"customerId\":999999999,\"currency\":\"XXQ\",\"amount\":-1}");
        assertThat(r).hasStatus(400);
        List<String> fields = json(r, "$.errors[*].field");
        assertThat(fields).contains("name", "customerId", "currency", "amount");
    }

    @Test
    void aRepCannotSeeOrMoveAnotherRepsOpportunity() {
        String a = unique("rep") + "@test.local";
        String b = unique("rep") + "@test.local";
        createUser(a, "sales-rep", 1, null);
        createUser(b, "sales-rep", 1, null);
        String ta = token(a, "password-123");
        String tb = token(b, "password-123");
        long c = createCustomer(ta, "{\"name\":\"" + unique("Mine") + "\"}");
        long o = createOpportunity(ta, c, "");
        assertThat(get(tb, "/api/v1/opportunities/" + o)).hasStatus(404);
        assertThat(post(tb, "/api/v1/opportunities/" + o + "/stage", "{\"stageId\":" + stage("Proposal") + ",\"version\":0}")).hasStatus(404);
        List<Number> listed = json(get(tb, "/api/v1/opportunities?limit=200"), "$.items[*].id");
        assertThat(listed).doesNotContain((int) o);
        List<Number> own = json(get(ta, "/api/v1/opportunities?limit=200"), "$.items[*].id");
        assertThat(own).contains((int) o);
        // nor can b attach an opportunity to a's customer
        assertThat(post(tb, "/api/v1/opportunities", "{\"name\":\"x\",\"customerId\":" + c + "}")).hasStatus(400);
    }

    @Test
    void aStaleVersionIsAConflict() {
        long c = createCustomer(adminToken(), "{\"name\":\"" + unique("Stale") + "\"}");
        long o = createOpportunity(adminToken(), c, "");
        assertThat(patch(adminToken(), "/api/v1/opportunities/" + o, "{\"amount\":10,\"version\":0}")).hasStatusOk();
        var stale = post(adminToken(), "/api/v1/opportunities/" + o + "/stage", "{\"stageId\":" + stage("Proposal") + ",\"version\":0}");
        assertThat(stale).hasStatus(409);
        assertThat(stale.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(put(adminToken(), "/api/v1/opportunities/" + o, "{\"name\":\"n\",\"customerId\":" + c + "}", "\"0\"")).hasStatus(412);
        assertThat(patch(adminToken(), "/api/v1/opportunities/" + o, "{\"amount\":11,\"version\":0}")).hasStatus(409);
    }

    @Test
    void movingToALostStageNeedsAReason() {
        long c = createCustomer(adminToken(), "{\"name\":\"" + unique("Lost") + "\"}");
        long o = createOpportunity(adminToken(), c, "");
        var noReason = post(adminToken(), "/api/v1/opportunities/" + o + "/stage", "{\"stageId\":" + stage("Lost") + ",\"version\":0}");
        assertThat(noReason).hasStatus(400);
        assertThat((List<String>) json(noReason, "$.errors[*].field")).containsExactly("lossReason");
        var lost = post(adminToken(), "/api/v1/opportunities/" + o + "/stage",
                "{\"stageId\":" + stage("Lost") + ",\"version\":0,\"lossReason\":\"price too high\"}");
        assertThat(lost).hasStatusOk();
        assertThat((String) json(lost, "$.status")).isEqualTo("lost");
        assertThat((String) json(lost, "$.lossReason")).isEqualTo("price too high");
        assertThat((String) json(lost, "$.closedAt")).isNotNull();
        assertThat(events.stream(OpportunityLost.class).filter(e -> e.opportunityId() == o)).hasSize(1);
        var reopened = post(adminToken(), "/api/v1/opportunities/" + o + "/stage", "{\"stageId\":" + stage("Proposal") + ",\"version\":1}");
        assertThat((String) json(reopened, "$.status")).isEqualTo("open");
        assertThat((Object) json(reopened, "$.closedAt")).isNull();
        assertThat((Object) json(reopened, "$.lossReason")).isNull();
    }

    @Test
    void winningClosesTheOpportunityAndPublishesTheEvent() {
        long c = createCustomer(adminToken(), "{\"name\":\"" + unique("Win") + "\"}");
        long o = createOpportunity(adminToken(), c, ",\"amount\":500,\"currency\":\"usd\"");
        var won = post(adminToken(), "/api/v1/opportunities/" + o + "/stage", "{\"stageId\":" + stage("Won") + ",\"version\":0}");
        assertThat(won).as(body(won)).hasStatusOk();
        assertThat((String) json(won, "$.status")).isEqualTo("won");
        List<OpportunityWon> published = events.stream(OpportunityWon.class).filter(e -> e.opportunityId() == o).toList();
        assertThat(published).hasSize(1);
        assertThat(published.get(0).currency()).isEqualTo("USD");
        assertThat(published.get(0).amount()).isEqualByComparingTo("500");
        assertThat(published.get(0).customerId()).isEqualTo(c);
        List<Number> wonIds = json(get(adminToken(), "/api/v1/opportunities?status=won&limit=200"), "$.items[*].id");
        assertThat(wonIds).contains((int) o);
        List<Number> history = json(get(adminToken(), "/api/v1/opportunities/" + o + "/stage-history"), "$[*].toStageId");
        assertThat(history).hasSize(2);
    }

    @Test
    void mergingCustomersMovesTheirOpportunitiesToTheSurvivor() {
        long a = createCustomer(adminToken(), "{\"name\":\"" + unique("Survivor") + "\"}");
        long b = createCustomer(adminToken(), "{\"name\":\"" + unique("Merged") + "\"}");
        long o = createOpportunity(adminToken(), b, "");
        var merged = post(adminToken(), "/api/v1/customers/merge", "{\"survivorId\":" + a + ",\"ids\":[" + b + "]}");
        assertThat(merged).as(body(merged)).hasStatusOk();
        assertThat(id(get(adminToken(), "/api/v1/opportunities/" + o), "$.customerId")).isEqualTo(a);
    }

    @Test
    void deletingACustomerDeletesItsOpportunities() {
        long c = createCustomer(adminToken(), "{\"name\":\"" + unique("Gone") + "\"}");
        long o = createOpportunity(adminToken(), c, "");
        assertThat(delete(adminToken(), "/api/v1/customers/" + c)).hasStatus(204);
        assertThat(get(adminToken(), "/api/v1/opportunities/" + o)).hasStatus(404);
    }

    @Test
    void aHandOverMovesOnlyOpenOpportunities() {
        String from = unique("leaver") + "@test.local";
        long fromId = createUser(from, "sales-rep", 1, null);
        String to = unique("heir") + "@test.local";
        long toId = createUser(to, "sales-rep", 1, null);
        String t = token(from, "password-123");
        long c = createCustomer(t, "{\"name\":\"" + unique("Handed") + "\"}");
        long open = createOpportunity(t, c, "");
        long won = createOpportunity(t, c, "");
        post(t, "/api/v1/opportunities/" + won + "/stage", "{\"stageId\":" + stage("Won") + ",\"version\":0}");
        users.handOver(fromId, toId, fromId);
        assertThat(id(get(adminToken(), "/api/v1/opportunities/" + open), "$.ownerId")).isEqualTo(toId);
        assertThat(id(get(adminToken(), "/api/v1/opportunities/" + won), "$.ownerId")).isEqualTo(fromId);
    }

    @Test
    void listsFilterSortAndPageByCursor() {
        long c = createCustomer(adminToken(), "{\"name\":\"" + unique("Pager") + "\"}");
        String tag = unique("pg");
        for (int i = 1; i <= 5; i++) {
            assertThat(post(adminToken(), "/api/v1/opportunities", "{\"name\":\"" + tag + " " + i + "\",\"customerId\":" + c
                    + ",\"amount\":" + (i * 100) + "}")).hasStatus(201);
        }
        var first = get(adminToken(), "/api/v1/opportunities?sort=-amount&limit=2&q=" + tag);
        assertThat((List<String>) json(first, "$.items[*].name")).containsExactly(tag + " 5", tag + " 4");
        String next = json(first, "$.next");
        var second = get(adminToken(), "/api/v1/opportunities?sort=-amount&limit=2&q=" + tag + "&cursor=" + next);
        assertThat((List<String>) json(second, "$.items[*].name")).containsExactly(tag + " 3", tag + " 2");
        var ranged = get(adminToken(), "/api/v1/opportunities?amountMin=200&amountMax=300&q=" + tag);
        assertThat((List<String>) json(ranged, "$.items[*].name")).containsExactlyInAnyOrder(tag + " 2", tag + " 3");
        assertThat((Integer) json(get(adminToken(), "/api/v1/opportunities/count?q=" + tag), "$.count")).isEqualTo(5);
        assertThat(get(adminToken(), "/api/v1/opportunities?sort=name")).hasStatus(400);
    }

    @Test
    void deletingNeedsThePermissionAndIsAudited() {
        String rep = unique("rep") + "@test.local";
        createUser(rep, "sales-rep", 1, null);
        String t = token(rep, "password-123");
        long c = createCustomer(t, "{\"name\":\"" + unique("Del") + "\"}");
        long o = createOpportunity(t, c, "");
        assertThat(delete(t, "/api/v1/opportunities/" + o)).hasStatus(403);
        assertThat(delete(adminToken(), "/api/v1/opportunities/" + o)).hasStatus(204);
        assertThat(get(adminToken(), "/api/v1/opportunities/" + o)).hasStatus(404);
    }
}
