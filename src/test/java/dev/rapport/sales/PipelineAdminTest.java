package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.rapport.ApiTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineAdminTest extends ApiTestSupport {

    long createPipeline(String name) {
        var r = post(adminToken(), "/api/v1/pipelines", "{\"name\":\"" + name + "\",\"stages\":["
                + "{\"name\":\"Talk\",\"probability\":20,\"kind\":\"open\"},{\"name\":\"Demo\",\"probability\":60,\"kind\":\"open\"},"
                + "{\"name\":\"Signed\",\"probability\":100,\"kind\":\"won\"},{\"name\":\"Dropped\",\"probability\":0,\"kind\":\"lost\"}]}");
        assertThat(r).as(body(r)).hasStatus(201);
        return id(r, "$.id");
    }

    long stageOf(long pipeline, String name) {
        List<Number> ids = json(get(adminToken(), "/api/v1/pipelines/" + pipeline), "$.stages[?(@.name == '" + name + "')].id");
        return ids.get(0).longValue();
    }

    @Test
    void onlyPipelineManagersChangePipelines() {
        String rep = unique("rep") + "@test.local";
        createUser(rep, "sales-rep", 1, null);
        String t = token(rep, "password-123");
        assertThat(get(t, "/api/v1/pipelines")).hasStatusOk();
        assertThat(post(t, "/api/v1/pipelines", "{\"name\":\"x\",\"stages\":[{\"name\":\"a\",\"probability\":1,\"kind\":\"open\"}]}")).hasStatus(403);
        assertThat(mvc.get().uri("/admin/pipelines").with(user(rep)).exchange()).hasStatus(403);
        assertThat(mvc.get().uri("/admin/pipelines?lang=en").with(user(ADMIN)).exchange()).hasStatusOk();
    }

    @Test
    void stagesAreValidatedReorderedAndCheckedForStaleVersions() {
        long p = createPipeline(unique("Projects"));
        long demo = stageOf(p, "Demo");
        var bad = post(adminToken(), "/api/v1/pipelines/" + p + "/stages", "{\"name\":\"\",\"probability\":120,\"kind\":\"maybe\"}");
        assertThat(bad).hasStatus(400);
        assertThat((List<String>) json(bad, "$.errors[*].field")).contains("name", "probability", "kind");
        var moved = put(adminToken(), "/api/v1/pipelines/" + p + "/stages/" + demo,
                "{\"name\":\"Demo\",\"position\":0,\"probability\":40,\"kind\":\"open\",\"version\":0}", null);
        assertThat(moved).as(body(moved)).hasStatusOk();
        assertThat((String) json(moved, "$.stages[0].name")).isEqualTo("Demo");
        assertThat((Integer) json(moved, "$.stages[0].probability")).isEqualTo(40);
        assertThat(put(adminToken(), "/api/v1/pipelines/" + p + "/stages/" + demo,
                "{\"name\":\"Demo\",\"probability\":30,\"kind\":\"open\",\"version\":0}", null)).hasStatus(409);
    }

    @Test
    void aStageWithOpportunitiesIsRemovedOnlyByMovingThem() {
        long p = createPipeline(unique("Renewals"));
        long talk = stageOf(p, "Talk");
        long demo = stageOf(p, "Demo");
        long c = createCustomer(adminToken(), "{\"name\":\"" + unique("Stay") + "\"}");
        long o = id(post(adminToken(), "/api/v1/opportunities", "{\"name\":\"renewal\",\"customerId\":" + c + ",\"pipelineId\":" + p + "}"), "$.id");
        assertThat(id(get(adminToken(), "/api/v1/opportunities/" + o), "$.stageId")).isEqualTo(talk);
        var refused = delete(adminToken(), "/api/v1/pipelines/" + p + "/stages/" + talk);
        assertThat(refused).hasStatus(400);
        assertThat(delete(adminToken(), "/api/v1/pipelines/" + p + "/stages/" + talk + "?moveTo=" + stageOf(p, "Signed"))).hasStatus(400);
        assertThat(delete(adminToken(), "/api/v1/pipelines/" + p + "/stages/" + talk + "?moveTo=" + demo)).hasStatusOk();
        assertThat(id(get(adminToken(), "/api/v1/opportunities/" + o), "$.stageId")).isEqualTo(demo);
        assertThat(delete(adminToken(), "/api/v1/pipelines/" + p + "/stages/" + stageOf(p, "Dropped"))).hasStatusOk();
        assertThat((List<String>) json(get(adminToken(), "/api/v1/pipelines/" + p), "$.stages[*].name")).containsExactly("Demo", "Signed");
    }

    @Test
    void seededNamesShowTranslatedUntilRenamed() {
        String zh = body(mvc.get().uri("/admin/pipelines?lang=zh-CN").with(user(ADMIN)).exchange());
        assertThat(zh).contains("value=\"销售流程\"").contains("value=\"资格确认\"");
        long def = id(get(adminToken(), "/api/v1/pipelines"), "$[0].id");
        long version = id(get(adminToken(), "/api/v1/pipelines/" + def), "$.version");
        // saving the form unchanged in Chinese keeps the seeded name, so English readers still see theirs
        var saved = mvc.post().uri("/admin/pipelines/" + def + "?lang=zh-CN").param("version", String.valueOf(version)).param("name", "销售流程")
                .with(user(ADMIN)).with(csrf()).exchange();
        assertThat(saved).hasStatus3xxRedirection();
        assertThat((String) json(get(adminToken(), "/api/v1/pipelines/" + def), "$.name")).isEqualTo("Sales pipeline");

        long p = createPipeline(unique("Custom"));
        long pv = id(get(adminToken(), "/api/v1/pipelines/" + p), "$.version");
        mvc.post().uri("/admin/pipelines/" + p).param("version", String.valueOf(pv)).param("name", "大客户流程")
                .with(user(ADMIN)).with(csrf()).exchange();
        assertThat(body(mvc.get().uri("/admin/pipelines?lang=en").with(user(ADMIN)).exchange())).contains("value=\"大客户流程\"");
    }
}
