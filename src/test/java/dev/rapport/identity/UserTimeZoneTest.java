package dev.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.rapport.ApiTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Every user has a time zone: defaulted, validated, editable by admins (pages and API) and by the user. */
class UserTimeZoneTest extends ApiTestSupport {

    @Autowired
    AccountSettings settings;

    @Test
    void newUsersGetTheDefaultZoneAndAdminsCanChangeItOverTheApi() {
        String email = unique("tz") + "@test.local";
        var created = post(adminToken(), "/api/v1/users", "{\"email\":\"" + email + "\",\"name\":\"TZ\",\"password\":\"password-123\","
                + "\"role\":\"sales-rep\",\"departmentId\":1}");
        assertThat(created).as(body(created)).hasStatus(201);
        assertThat((String) json(created, "$.timeZone")).isEqualTo("Asia/Shanghai");
        long id = id(created, "$.id");

        var updated = put(adminToken(), "/api/v1/users/" + id, "{\"timeZone\":\"Europe/Berlin\",\"version\":" + id(created, "$.version") + "}", null);
        assertThat(updated).as(body(updated)).hasStatusOk();
        assertThat((String) json(updated, "$.timeZone")).isEqualTo("Europe/Berlin");
        assertThat((String) json(get(token(email, "password-123"), "/api/v1/me"), "$.timeZone")).isEqualTo("Europe/Berlin");
        List<String> audited = json(get(adminToken(), "/api/v1/audit?entityType=user&entityId=" + id), "$.items[*].field");
        assertThat(audited).contains("time_zone");
    }

    @Test
    void anUnknownZoneIsATranslatedBadRequestNamingTheField() {
        var zh = mvc.post().uri("/api/v1/users").header("Authorization", "Bearer " + adminToken()).header("Accept-Language", "zh-CN")
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"" + unique("bad") + "@test.local\",\"name\":\"x\","
                        + "\"password\":\"password-123\",\"role\":\"sales-rep\",\"timeZone\":\"Mars/Olympus\"}").exchange();
        assertThat(zh).hasStatus(400);
        assertThat((List<String>) json(zh, "$.errors[*].field")).containsExactly("timeZone");
        assertThat((String) json(zh, "$.errors[0].message")).contains("不是已知的时区");

        long id = createUser(unique("keep") + "@test.local", "sales-rep", 1, null);
        var en = mvc.put().uri("/api/v1/users/" + id).header("Authorization", "Bearer " + adminToken()).header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON).content("{\"timeZone\":\"+08:00\",\"version\":0}").exchange();
        assertThat(en).hasStatus(400);
        assertThat((String) json(en, "$.errors[0].field")).isEqualTo("timeZone");
        assertThat((String) json(en, "$.errors[0].message")).contains("not a known time zone");
    }

    @Test
    void usersSetTheirOwnZoneAndEmailedRemindersOnTheAccountPage() {
        String email = unique("self") + "@test.local";
        long id = createUser(email, "sales-rep", 1, null);
        assertThat(body(mvc.get().uri("/account").with(user(email)).exchange())).contains("value=\"Asia/Shanghai\"")
                .contains("id=\"emailReminders\"");

        var saved = mvc.post().uri("/account/settings").param("timeZone", "America/Sao_Paulo").with(user(email)).with(csrf()).exchange();
        assertThat(saved).hasStatus3xxRedirection();
        assertThat(settings.of(id).timeZone()).isEqualTo("America/Sao_Paulo");
        assertThat(settings.of(id).emailReminders()).as("an unticked box turns e-mails off").isFalse();

        var bad = mvc.post().uri("/account/settings").param("timeZone", "Nowhere/Land").param("emailReminders", "true")
                .param("lang", "zh-CN").with(user(email)).with(csrf()).exchange();
        assertThat(bad).hasStatusOk();
        assertThat(body(bad)).contains("data-field=\"timeZone\"").contains("不是已知的时区");
        assertThat(settings.of(id).timeZone()).isEqualTo("America/Sao_Paulo");
    }

    @Test
    void adminsSetAUsersZoneInTheUserForm() {
        long id = createUser(unique("form") + "@test.local", "sales-rep", 1, null);
        String page = body(mvc.get().uri("/admin/users/" + id).with(user(ADMIN)).exchange());
        assertThat(page).contains("id=\"eu-zone\"").contains("value=\"Asia/Shanghai\"");
        var saved = mvc.post().uri("/admin/users/" + id).param("version", "0").param("name", "Form user").param("role", "sales-rep")
                .param("departmentId", "1").param("active", "true").param("timeZone", "Asia/Tokyo")
                .with(user(ADMIN)).with(csrf()).exchange();
        assertThat(saved).hasStatus3xxRedirection();
        assertThat(users.find(id).orElseThrow().timeZone()).isEqualTo("Asia/Tokyo");
    }

    @Test
    void noPageFormatsTimesInTheServersZone() throws IOException {
        // Thymeleaf's #temporals and ZoneId.systemDefault() show the server's zone, not the reader's
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            List<Path> offenders = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".java"))
                    .filter(p -> {
                        try {
                            String text = Files.readString(p);
                            return text.contains("#temporals") || text.contains("ZoneId.systemDefault()")
                                    || text.contains("Timestamp.valueOf(");
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }).toList();
            assertThat(offenders).isEmpty();
        }
    }
}
