package dev.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.rapport.identity.UserManagement;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Base for tests that drive the HTTP API through the whole stack (security filters, controllers,
 * database). Runs on H2, or on PostgreSQL when RAPPORT_TEST_DB_URL is set.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class ApiTestSupport {

    protected static final String ADMIN = "admin@test.local";
    protected static final String ADMIN_PASSWORD = "admin-password-1";

    @Autowired
    protected MockMvcTester mvc;

    @Autowired
    protected UserManagement users;

    private static String adminToken;

    protected String adminToken() {
        if (adminToken == null) {
            adminToken = token(ADMIN, ADMIN_PASSWORD);
        }
        return adminToken;
    }

    protected String token(String email, String password) {
        MvcTestResult result = mvc.post().uri("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").exchange();
        assertThat(result).hasStatus(201);
        return JsonPath.read(body(result), "$.token");
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a user with the given role in the given department (1 = the company) and returns its id. */
    protected long createUser(String email, String role, long departmentId, Long managerId) {
        return users.create(email, email, "password-123", role, departmentId, managerId, null).id();
    }

    protected long createDepartment(String name, long parentId) {
        MvcTestResult r = post(adminToken(), "/api/v1/departments", "{\"name\":\"" + name + "\",\"parentId\":" + parentId + "}");
        assertThat(r).hasStatus(201);
        return ((Number) JsonPath.read(body(r), "$.id")).longValue();
    }

    protected MvcTestResult get(String token, String uri) {
        return mvc.get().uri(uri).header("Authorization", "Bearer " + token).exchange();
    }

    /** GET with one query parameter passed unencoded, as a user would type it. */
    protected MvcTestResult get(String token, String uri, String param, String value) {
        return mvc.get().uri(uri).param(param, value).header("Authorization", "Bearer " + token).exchange();
    }

    protected MvcTestResult post(String token, String uri, String json) {
        return mvc.post().uri(uri).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content(json).exchange();
    }

    protected MvcTestResult put(String token, String uri, String json, String ifMatch) {
        var req = mvc.put().uri(uri).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(json);
        if (ifMatch != null) {
            req = req.header("If-Match", ifMatch);
        }
        return req.exchange();
    }

    protected MvcTestResult patch(String token, String uri, String json) {
        return mvc.patch().uri(uri).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content(json).exchange();
    }

    protected MvcTestResult delete(String token, String uri) {
        return mvc.delete().uri(uri).header("Authorization", "Bearer " + token).exchange();
    }

    protected static String body(MvcTestResult r) {
        try {
            return r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static <T> T json(MvcTestResult r, String path) {
        return JsonPath.read(body(r), path);
    }

    protected static long id(MvcTestResult r, String path) {
        return ((Number) JsonPath.read(body(r), path)).longValue();
    }

    /** Creates a customer through the API and returns its id. */
    protected long createCustomer(String token, String json) {
        MvcTestResult r = post(token, "/api/v1/customers", json);
        assertThat(r).as(body(r)).hasStatus(201);
        return id(r, "$.customer.id");
    }
}
