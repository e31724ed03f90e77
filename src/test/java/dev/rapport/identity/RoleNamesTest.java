package dev.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import dev.rapport.ApiTestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Built-in roles show in the reader's language until an administrator renames them. */
class RoleNamesTest extends ApiTestSupport {

    @Test
    void builtInRolesShowInChineseInTheChineseUi() {
        String roles = body(mvc.get().uri("/admin/roles?lang=zh-CN").with(user(ADMIN)).exchange());
        assertThat(roles).contains("value=\"管理员\"", "value=\"销售经理\"", "value=\"销售代表\"", "value=\"客服专员\"", "value=\"市场专员\"");
        String users = body(mvc.get().uri("/admin/users?lang=zh-CN").with(user(ADMIN)).exchange());
        assertThat(users).contains(">管理员<").contains(">销售经理</option>");
        String email = unique("rep") + "@test.local";
        createUser(email, "sales-rep", 1, null);
        assertThat(body(mvc.get().uri("/account?lang=zh-CN").with(user(email)).exchange())).contains("<dd>销售代表</dd>");

        String english = body(mvc.get().uri("/admin/roles?lang=en").with(user(ADMIN)).exchange());
        assertThat(english).contains("value=\"Sales manager\"").doesNotContain("销售经理");
    }

    @Test
    void aRenamedBuiltInRoleShowsItsNewNameInEveryLanguage() {
        Map<String, Object> marketer = role("marketer");
        String renamed = unique("增长团队");
        try {
            assertThat(saveRole(marketer, renamed)).hasStatusOk();
            assertThat(body(mvc.get().uri("/admin/roles?lang=zh-CN").with(user(ADMIN)).exchange()))
                    .contains("value=\"" + renamed + "\"").doesNotContain("市场专员");
            assertThat(body(mvc.get().uri("/admin/roles?lang=en").with(user(ADMIN)).exchange())).contains("value=\"" + renamed + "\"");
        } finally {
            assertThat(saveRole(role("marketer"), "Marketer")).hasStatusOk();
        }
        assertThat(body(mvc.get().uri("/admin/roles?lang=zh-CN").with(user(ADMIN)).exchange())).contains("value=\"市场专员\"");
    }

    @Test
    void savingTheRolesFormWithTheTranslatedNameDoesNotRenameTheRole() {
        Map<String, Object> agent = role("service-agent");
        var form = mvc.post().uri("/admin/roles").param("id", String.valueOf(agent.get("id")))
                .param("version", String.valueOf(agent.get("version"))).param("name", "客服专员")
                .param("dataScope", (String) agent.get("scope"))
                .param("permissions", ((List<String>) agent.get("permissions")).toArray(String[]::new))
                .param("lang", "zh-CN").with(user(ADMIN)).with(csrf()).exchange();
        assertThat(form).hasStatus3xxRedirection();
        assertThat(role("service-agent").get("name")).isEqualTo("Service agent");
        assertThat(body(mvc.get().uri("/admin/roles?lang=en").with(user(ADMIN)).exchange())).contains("value=\"Service agent\"");
    }

    private Map<String, Object> role(String key) {
        List<Map<String, Object>> roles = JsonPath.read(body(get(adminToken(), "/api/v1/roles")), "$[?(@.key == '" + key + "')]");
        return roles.get(0);
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult saveRole(Map<String, Object> role, String name) {
        String permissions = String.join(",", ((List<String>) role.get("permissions")).stream().map(p -> "\"" + p + "\"").toList());
        return put(adminToken(), "/api/v1/roles/" + role.get("id"), "{\"name\":\"" + name + "\",\"dataScope\":\"" + role.get("scope")
                + "\",\"permissions\":[" + permissions + "],\"version\":" + role.get("version") + "}", null);
    }
}
