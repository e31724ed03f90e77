package dev.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who is signed in and what they may see comes from a cached directory; every change must show
 * at the very next request, whether made through this node or written by another node.
 */
class DirectoryCacheTest extends ApiTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRoleChangeTakesEffectAtTheNextRequest() {
        String key = "r" + unique("c").substring(2).replace("-", "");
        long roleId = id(post(adminToken(), "/api/v1/roles",
                "{\"key\":\"" + key + "\",\"name\":\"Viewer\",\"dataScope\":\"OWN\",\"permissions\":[\"customer:view\"]}"), "$.id");
        String email = unique("viewer") + "@test.local";
        createUser(email, key, 1, null);
        String token = token(email, "password-123");
        assertThat(get(token, "/api/v1/customers")).hasStatusOk();

        var updated = mvc.put().uri("/api/v1/roles/" + roleId).header("Authorization", "Bearer " + adminToken())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Viewer\",\"dataScope\":\"OWN\",\"permissions\":[],\"version\":0}").exchange();
        assertThat(updated).hasStatusOk();

        assertThat(get(token, "/api/v1/customers")).hasStatus(403);
    }

    @Test
    void aChangeWrittenByAnotherNodeIsSeenOnceTheGenerationMoves() {
        String email = unique("leaver") + "@test.local";
        long userId = createUser(email, "sales-rep", 1, null);
        String token = token(email, "password-123");
        assertThat(get(token, "/api/v1/customers")).hasStatusOk();

        // what another node's IdentityStore does when it deactivates the user: the row and the counter, in one transaction
        jdbc.sql("update users set active = false, version = version + 1 where id = :id").param("id", userId).update();
        jdbc.sql("update cache_generations set generation = generation + 1 where name = 'identity'").update();

        assertThat(get(token, "/api/v1/customers")).hasStatus(401);
        assertThat(users.find(userId)).get().extracting(UserSummary::active).isEqualTo(false);
    }

    @Test
    void anAcceptedTokenIsKeptUntilATokenRevocationOnAnyNodeMovesItsGeneration() {
        String email = unique("tokens") + "@test.local";
        long userId = createUser(email, "sales-rep", 1, null);
        String token = token(email, "password-123");
        assertThat(get(token, "/api/v1/me")).hasStatusOk();
        assertThat(jdbc.sql("select count(*) from api_tokens where user_id = :u and last_used_at is not null")
                .param("u", userId).query(Long.class).single()).as("the first use is written").isEqualTo(1L);

        // another node revokes it: the row alone is not seen while the counter stands (the token is kept here) ...
        jdbc.sql("update api_tokens set revoked_at = current_timestamp where user_id = :u").param("u", userId).update();
        assertThat(get(token, "/api/v1/me")).as("kept on this node").hasStatusOk();
        // ... and is, at the next request, once its transaction has moved the counter as ApiTokens.revoke does
        jdbc.sql("update cache_generations set generation = generation + 1 where name = 'api-tokens'").update();
        jdbc.sql("insert into cache_generations (name, generation) select 'api-tokens', 1 "
                + "where not exists (select 1 from cache_generations where name = 'api-tokens')").update();
        assertThat(get(token, "/api/v1/me")).hasStatus(401);
    }

    @Test
    void aNewSubordinateWidensTheManagersScopeAtOnce() {
        String manager = unique("boss") + "@test.local";
        long managerId = createUser(manager, "sales-rep", 1, null);
        CurrentUser before = users.load(manager).orElseThrow();
        assertThat(users.scopeOf(before).owners()).containsExactly(managerId);

        long reportId = createUser(unique("report") + "@test.local", "sales-rep", 1, managerId);
        CurrentUser asManager = new CurrentUser(managerId, manager, manager, "sales-rep", DataScope.OWN_AND_SUBORDINATES, 1,
                before.permissions(), before.timeZone(), before.language());
        assertThat(users.scopeOf(asManager).owners()).containsExactlyInAnyOrder(managerId, reportId);
    }
}
