package ai.switchboard.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** The audit API over HTTP (who, what, before and after, denied calls, filters, paging) and key rotation. */
class AuditAndRotationIT extends GatewayIT {

    @Test
    void aChangeIsAuditedWithItsKeyTeamAddressAndBeforeAndAfter() {
        String team = unique("audit-team");
        fixtures.post("/admin/v1/teams", Map.of("name", team, "description", "first"));
        fixtures.patch("/admin/v1/teams/" + team, Map.of("description", "second")).expectStatus().isOk();

        JsonNode rows = audit("entity_type=team&action=update&limit=50").path("data");

        JsonNode row = find(rows, team);
        assertThat(row.path("before").path("description").asString()).isEqualTo("first");
        assertThat(row.path("after").path("description").asString()).isEqualTo("second");
        assertThat(row.path("actor").asString()).startsWith("bootstrap-admin");
        assertThat(row.path("actor_key_id").asString()).hasSize(36);
        assertThat(row.path("client_address").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(row.toString()).doesNotContain(ADMIN_KEY);
    }

    @Test
    void refusedAdminCallsAreAuditedToo() {
        String inference = fixtures.key(unique("denied"));
        String path = "/admin/v1/providers?" + unique("probe");
        http.get().uri(path).exchange().expectStatus().isUnauthorized();
        http.get().uri(path).header("Authorization", "Bearer " + inference).exchange().expectStatus().isForbidden();

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<JsonNode> denied = new ArrayList<>();
            audit("action=denied&limit=500").path("data").forEach(row -> {
                if (row.path("after").path("path").asString().equals(path.substring(0, path.indexOf('?')))) {
                    denied.add(row);
                }
            });
            assertThat(denied).extracting(row -> row.path("after").path("status").asInt()).contains(401, 403);
            assertThat(denied).anySatisfy(row -> {
                assertThat(row.path("after").path("status").asInt()).isEqualTo(403);
                assertThat(row.path("actor_key_id").asString()).hasSize(36);
            });
            assertThat(denied).anySatisfy(row -> assertThat(row.path("actor").asString()).isEqualTo("anonymous"));
        });
    }

    @Test
    void pagesFollowTheCursorWithoutRepeatsAndFiltersNarrow() {
        String prefix = unique("paged");
        for (int i = 0; i < 5; i++) {
            fixtures.post("/admin/v1/teams", Map.of("name", prefix + "-" + i));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = audit("entity_type=team&action=create&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("data").forEach(row -> seen.add(row.path("id").asString()));
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asString();
            pages++;
        } while (cursor != null && pages < 10_000);

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen.size()).isGreaterThanOrEqualTo(5);
        String firstTeamId = http.get().uri("/admin/v1/teams/" + prefix + "-0")
                .header("Authorization", "Bearer " + ADMIN_KEY).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("id").asString();
        JsonNode one = audit("entity_id=" + firstTeamId).path("data");
        assertThat(one).hasSize(1);
        assertThat(one.get(0).path("entity_name").asString()).isEqualTo(prefix + "-0");
        assertThat(audit("entity_id=" + firstTeamId + "&from=2000-01-01&to=2000-01-02").path("data")).isEmpty();
    }

    @Test
    void badAuditQueriesAre400sThatNameTheField() {
        for (String bad : List.of("limit=0", "limit=501", "limit=x", "cursor=nope", "entity_id=12", "from=yesterday",
                "from=2026-02-01&to=2026-01-01", "bogus=1", "limit=1&limit=2")) {
            http.get().uri("/admin/v1/audit?" + bad).header("Authorization", "Bearer " + ADMIN_KEY).exchange()
                    .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith("application/problem+json");
        }
    }

    @Test
    void aRotatedKeyWorksUnderItsNewSecretAndItsOldOneOnlyForTheGracePeriod() {
        String name = unique("rotating");
        JsonNode created = fixtures.post("/admin/v1/keys", Map.of("name", name, "scopes", List.of("inference"),
                "allowed_models", List.of("*")));
        String old = created.path("key").asString();
        models(old).expectStatus().isOk();

        JsonNode rotated = rotate(name, "{\"grace_period_seconds\":600}");

        String fresh = rotated.path("key").asString();
        assertThat(fresh).isNotEqualTo(old).startsWith("sk-sb-");
        assertThat(rotated.path("previous_key_expires_at").asString()).isNotEmpty();
        models(fresh).expectStatus().isOk();
        models(old).expectStatus().isOk();

        JsonNode again = rotate(name, "{\"grace_period_seconds\":0}");

        models(again.path("key").asString()).expectStatus().isOk();
        models(fresh).expectStatus().isUnauthorized();
        models(old).expectStatus().isUnauthorized();
        http.post().uri("/admin/v1/keys/" + name + ":rotate").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"grace_period_seconds\":-1}").exchange()
                .expectStatus().isBadRequest();
        http.post().uri("/admin/v1/keys/" + name + ":rotate").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"grace_period_seconds\":\"60\"}").exchange()
                .expectStatus().isBadRequest();
        http.post().uri("/admin/v1/keys/" + name + ":rotate").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"grace\":60}").exchange()
                .expectStatus().isBadRequest();
    }

    private JsonNode rotate(String key, String body) {
        return http.post().uri("/admin/v1/keys/" + key + ":rotate").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec models(String key) {
        return http.get().uri("/v1/models").header("Authorization", "Bearer " + key).exchange();
    }

    private JsonNode audit(String query) {
        return http.get().uri("/admin/v1/audit?" + query).header("Authorization", "Bearer " + ADMIN_KEY).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static JsonNode find(JsonNode rows, String entityName) {
        for (JsonNode row : rows) {
            if (entityName.equals(row.path("entity_name").asString())) {
                return row;
            }
        }
        throw new AssertionError("no audit row for " + entityName + " in " + rows);
    }
}
