package dev.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class IdentityApiTest extends ApiTestSupport {

    @Test
    void issuesATokenOnceAndAuthenticatesWithIt() {
        String token = token(ADMIN, ADMIN_PASSWORD);
        assertThat(token).startsWith("rap_").hasSizeGreaterThan(40);
        var me = get(token, "/api/v1/me");
        assertThat(me).hasStatusOk();
        assertThat((String) json(me, "$.email")).isEqualTo(ADMIN);
        assertThat((String) json(me, "$.scope")).isEqualTo("ALL");
    }

    @Test
    void unauthenticatedApiCallsGetA401ProblemDetail() {
        var r = mvc.get().uri("/api/v1/customers").exchange();
        assertThat(r).hasStatus(401);
        assertThat(r.getResponse().getContentType()).contains("application/problem+json");
        assertThat(mvc.get().uri("/api/v1/customers").header("Authorization", "Bearer rap_nonsense").exchange()).hasStatus(401);
    }

    @Test
    void theUnauthenticatedProblemDetailSpeaksTheCallersLanguage() {
        var english = mvc.get().uri("/api/v1/customers").header("Accept-Language", "en").exchange();
        assertThat(english).hasStatus(401);
        assertThat((String) json(english, "$.title")).isEqualTo("Not signed in");
        assertThat((String) json(english, "$.detail")).isEqualTo("Sign in or send a valid bearer token.");
        assertThat((Integer) json(english, "$.status")).isEqualTo(401);

        var chinese = mvc.get().uri("/api/v1/customers").header("Accept-Language", "zh-CN,zh;q=0.9").exchange();
        assertThat(chinese).hasStatus(401);
        assertThat(chinese.getResponse().getContentType()).contains("application/problem+json");
        assertThat((String) json(chinese, "$.title")).isEqualTo("未登录");
        assertThat((String) json(chinese, "$.detail")).contains("Bearer 令牌");

        // the language chosen in the UI (cookie) wins over the browser's, as for every other error
        var cookie = mvc.get().uri("/api/v1/me").header("Accept-Language", "en")
                .cookie(new jakarta.servlet.http.Cookie("rapport-lang", "zh-CN")).exchange();
        assertThat((String) json(cookie, "$.title")).isEqualTo("未登录");
        var badToken = mvc.get().uri("/api/v1/me").header("Accept-Language", "zh-CN").header("Authorization", "Bearer rap_nonsense").exchange();
        assertThat(badToken).hasStatus(401);
        assertThat((String) json(badToken, "$.title")).isEqualTo("未登录");
    }

    @Test
    void revokedTokensStopWorking() {
        String token = token(ADMIN, ADMIN_PASSWORD);
        var tokens = get(token, "/api/v1/auth/tokens");
        List<Integer> ids = json(tokens, "$[*].id");
        long newest = ids.stream().mapToLong(Integer::longValue).max().orElseThrow();
        assertThat(delete(token, "/api/v1/auth/tokens/" + newest)).hasStatus(204);
        assertThat(get(token, "/api/v1/me")).hasStatus(401);
    }

    @Test
    void createsUsersWithRoleAndDepartment() {
        long dept = createDepartment(unique("华东大区"), 1);
        String email = unique("rep") + "@test.local";
        var r = post(adminToken(), "/api/v1/users", "{\"email\":\"" + email + "\",\"name\":\"王五\",\"password\":\"secret-123\",\"role\":\"sales-rep\",\"departmentId\":" + dept + "}");
        assertThat(r).as(body(r)).hasStatus(201);
        assertThat((String) json(r, "$.roleKey")).isEqualTo("sales-rep");
        assertThat(id(r, "$.departmentId")).isEqualTo(dept);
        String repToken = token(email, "secret-123");
        assertThat((String) json(get(repToken, "/api/v1/me"), "$.scope")).isEqualTo("OWN");
    }

    @Test
    void invalidUserInputIsAProblemDetailNamingEachFieldInTheCallersLanguage() {
        var r = mvc.post().uri("/api/v1/users").header("Authorization", "Bearer " + adminToken())
                .header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"not-an-email\",\"name\":\"\",\"password\":\"short\",\"role\":\"nope\"}").exchange();
        assertThat(r).hasStatus(400);
        assertThat(r.getResponse().getContentType()).contains("application/problem+json");
        List<String> fields = json(r, "$.errors[*].field");
        assertThat(fields).containsExactlyInAnyOrder("email", "name", "password", "role");
        assertThat((String) json(r, "$.title")).isEqualTo("输入有误");
        assertThat(body(r)).contains("至少需要 8 个字符");
    }

    @Test
    void aSalesRepMayNotManageUsers() {
        String email = unique("rep") + "@test.local";
        createUser(email, "sales-rep", 1, null);
        String rep = token(email, "password-123");
        var r = post(rep, "/api/v1/users", "{\"email\":\"x@y.z\",\"name\":\"x\",\"password\":\"password-1\",\"role\":\"admin\"}");
        assertThat(r).hasStatus(403);
        assertThat(r.getResponse().getContentType()).contains("application/problem+json");
    }

    @Test
    void repeatedFailedLoginsLockTheAccount() {
        String email = unique("victim") + "@test.local";
        createUser(email, "sales-rep", 1, null);
        for (int i = 0; i < 5; i++) {
            var bad = mvc.post().uri("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\":\"" + email + "\",\"password\":\"wrong\"}").exchange();
            assertThat(bad).hasStatus(401);
        }
        var locked = mvc.post().uri("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + email + "\",\"password\":\"password-123\"}").exchange();
        assertThat(locked).as("the right password is refused while locked").hasStatus(401);
        var chinese = mvc.post().uri("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "zh-CN")
                .content("{\"email\":\"" + email + "\",\"password\":\"wrong\"}").exchange();
        assertThat(chinese).hasStatus(401);
        assertThat((String) json(chinese, "$.detail")).contains("密码错误");
        assertThat((String) json(chinese, "$.title")).isEqualTo("未登录");
    }

    @Test
    void rolesAreEditableAndAudited() {
        var roles = get(adminToken(), "/api/v1/roles");
        List<String> keys = json(roles, "$[*].key");
        assertThat(keys).contains("admin", "sales-manager", "sales-rep", "service-agent", "marketer");
        String key = "r" + unique("x").substring(2).replace("-", "");
        var created = post(adminToken(), "/api/v1/roles", "{\"key\":\"" + key + "\",\"name\":\"Analyst\",\"dataScope\":\"DEPARTMENT\",\"permissions\":[\"customer:view\"]}");
        assertThat(created).as(body(created)).hasStatus(201);
        long roleId = id(created, "$.id");
        var updated = mvc.put().uri("/api/v1/roles/" + roleId).header("Authorization", "Bearer " + adminToken())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Analyst\",\"dataScope\":\"ALL\",\"permissions\":[\"customer:view\",\"customer:export\"],\"version\":0}").exchange();
        assertThat(updated).as(body(updated)).hasStatusOk();
        var stale = mvc.put().uri("/api/v1/roles/" + roleId).header("Authorization", "Bearer " + adminToken())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Analyst\",\"dataScope\":\"OWN\",\"permissions\":[],\"version\":0}").exchange();
        assertThat(stale).hasStatus(409);
        var audit = get(adminToken(), "/api/v1/audit?entityType=role&entityId=" + roleId);
        List<String> fields = json(audit, "$.items[*].field");
        assertThat(fields).contains("data_scope", "permissions");
    }

    @Test
    void theGeneralAuditEndpointDoesNotBypassTheCustomerDataScope() {
        var r = get(adminToken(), "/api/v1/audit?entityType=customer&entityId=1");
        assertThat(r).hasStatus(400);
        assertThat((List<String>) json(r, "$.errors[*].field")).containsExactly("entityType");
    }

    @Test
    void healthIsPublicAndPrometheusIsForAdminsOnly() {
        assertThat(mvc.get().uri("/actuator/health").exchange()).hasStatusOk();
        String email = unique("rep") + "@test.local";
        createUser(email, "sales-rep", 1, null);
        assertThat(get(token(email, "password-123"), "/actuator/prometheus")).hasStatus(403);
        assertThat(get(adminToken(), "/actuator/prometheus")).hasStatusOk();
    }
}
