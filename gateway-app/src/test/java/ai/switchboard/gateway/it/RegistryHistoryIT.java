package ai.switchboard.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Registry history: every version of an entity with who and when, the registry rebuilt at a revision, and rollbacks
 * (of one entity, and of everything) that restore old versions as a new revision, never with a secret from history.
 */
class RegistryHistoryIT extends GatewayIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void listsAnEntitysVersionsWithWhoAndWhenAndNeverASecret() {
        String p = unique("hist");
        fixtures.provider(Map.of("name", p + "-p", "type", "openai", "base_url", upstreamBase(p),
                "api_key", "sk-history-secret-1"));
        fixtures.model(p + "-m", p + "-p", "first");
        patch("/admin/v1/models/" + p + "-m", Map.of("upstream_model", "second"));
        fixtures.patch("/admin/v1/providers/" + p + "-p", Map.of("api_key", "sk-history-secret-2"))
                .expectStatus().isOk();

        JsonNode versions = get("/admin/v1/models/" + p + "-m/history").path("data");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).path("version").asInt()).isEqualTo(1);
        assertThat(versions.get(0).path("action").asString()).isEqualTo("create");
        assertThat(versions.get(0).path("form").path("upstream_model").asString()).isEqualTo("first");
        assertThat(versions.get(1).path("form").path("upstream_model").asString()).isEqualTo("second");
        assertThat(versions.get(1).path("actor").asString()).isNotBlank();
        assertThat(versions.get(1).path("actor_key_id").isNull()).isFalse();
        assertThat(versions.get(1).path("at").asString()).isNotBlank();
        assertThat(versions.get(1).path("revision").asLong()).isGreaterThan(versions.get(0).path("revision").asLong());

        String modelId = versions.get(0).path("entity_id").asString();
        assertThat(get("/admin/v1/models/" + modelId + "/history").path("data")).hasSize(2);
        assertThat(get("/admin/v1/providers/" + p + "-p/history").path("data")).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM registry_history WHERE form::text LIKE '%sk-history%'",
                Integer.class)).isZero();
    }

    @Test
    void exportsTheRegistryAsItWasAtARevision() {
        String p = unique("hist-at");
        fixtures.provider(p + "-p", upstreamBase(p));
        fixtures.model(p + "-m", p + "-p", "first");
        long before = revision();
        patch("/admin/v1/models/" + p + "-m", Map.of("upstream_model", "second"));
        fixtures.model(p + "-later", p + "-p", "later");

        JsonNode then = exportJson("?revision=" + before);
        assertThat(then.path("models").findValues("name").stream().map(JsonNode::asString))
                .contains(p + "-m").doesNotContain(p + "-later");
        assertThat(model(then, p + "-m").path("upstream_model").asString()).isEqualTo("first");
        assertThat(model(exportJson(""), p + "-m").path("upstream_model").asString()).isEqualTo("second");

        String yaml = http.get().uri("/admin/v1/config?revision=" + before)
                .header("Authorization", "Bearer " + ADMIN_KEY).accept(MediaType.parseMediaType("application/yaml"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(yaml).contains("name: " + p + "-m").doesNotContain(p + "-later");
    }

    @Test
    void rollsOneEntityBackToAVersionAsANewRevision() {
        String p = unique("hist-one");
        fixtures.provider(p + "-p", upstreamBase(p));
        fixtures.model(p + "-m", p + "-p", "first");
        patch("/admin/v1/models/" + p + "-m", Map.of("upstream_model", "second", "version", "2026-01"));
        long before = revision();

        rollback(Map.of("entity", Map.of("kind", "models", "id", p + "-m"), "version", 1)).expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.applied.sections.models.updated").isEqualTo(1);

        assertThat(get("/admin/v1/models/" + p + "-m").path("upstream_model").asString()).isEqualTo("first");
        assertThat(revision()).isGreaterThan(before);
        JsonNode versions = get("/admin/v1/models/" + p + "-m/history").path("data");
        assertThat(versions.get(versions.size() - 1).path("action").asString()).isEqualTo("rollback");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE action = 'rollback' AND entity_name = ?",
                Integer.class, p + "-m")).isEqualTo(1);
    }

    @Test
    void rollsTheWholeRegistryBackDisablingLaterEntitiesAndRestoringDeletedOnesWithoutSecrets() {
        String p = unique("hist-all");
        fixtures.provider(Map.of("name", p + "-keyed", "type", "openai", "base_url", upstreamBase(p),
                "api_key", "sk-history-secret-3"));
        fixtures.provider(p + "-p", upstreamBase(p));
        fixtures.model(p + "-m", p + "-p", "first");
        long revision = revision();

        patch("/admin/v1/models/" + p + "-m", Map.of("upstream_model", "second"));
        fixtures.model(p + "-later", p + "-p", "later");
        fixtures.delete("/admin/v1/providers/" + p + "-keyed").expectStatus().isNoContent();

        JsonNode result = rollback(Map.of("revision", revision)).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(result.path("restored_revision").asLong()).isEqualTo(revision);
        assertThat(result.path("revision").asLong()).isGreaterThan(revision);
        assertThat(result.path("notes").toString())
                .contains("{\"section\":\"models\",\"name\":\"" + p + "-later\",\"outcome\":\"disabled\"}")
                .contains("{\"section\":\"providers\",\"name\":\"" + p + "-keyed\",\"outcome\":\"restored_disabled\"}");

        assertThat(get("/admin/v1/models/" + p + "-m").path("upstream_model").asString()).isEqualTo("first");
        assertThat(get("/admin/v1/models/" + p + "-later").path("enabled").asBoolean()).isFalse();
        JsonNode restored = get("/admin/v1/providers/" + p + "-keyed");
        assertThat(restored.path("enabled").asBoolean()).isFalse();
        assertThat(restored.toString()).doesNotContain("sk-history-secret-3");

        // Everything else is as it was then: exporting now and at that revision agree on what existed then.
        assertThat(model(exportJson(""), p + "-m")).isEqualTo(model(exportJson("?revision=" + revision), p + "-m"));
    }

    @Test
    void refusesRevisionsAndVersionsThatDoNotExist() {
        String p = unique("hist-bad");
        fixtures.provider(p + "-p", upstreamBase(p));
        fixtures.delete("/admin/v1/providers/" + p + "-p").expectStatus().isNoContent();
        long now = revision();

        rollback(Map.of("revision", now + 1000)).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("revision");
        http.get().uri("/admin/v1/config?revision=" + (now + 1000)).header("Authorization", "Bearer " + ADMIN_KEY)
                .accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isBadRequest();
        http.get().uri("/admin/v1/config?revision=-1").header("Authorization", "Bearer " + ADMIN_KEY)
                .accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isBadRequest();
        rollback(Map.of("entity", Map.of("kind", "providers", "id", p + "-p"), "version", 2))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("version");
        rollback(Map.of("entity", Map.of("kind", "providers", "id", p + "-p"), "version", 9))
                .expectStatus().isBadRequest();
        rollback(Map.of("entity", Map.of("kind", "spaceships", "id", p + "-p"), "version", 1))
                .expectStatus().isNotFound();
        http.get().uri("/admin/v1/models/" + p + "-none/history").header("Authorization", "Bearer " + ADMIN_KEY)
                .exchange().expectStatus().isNotFound();
        assertThat(revision()).isEqualTo(now);
    }

    private long revision() {
        return jdbc.queryForObject("SELECT revision FROM registry_revision", Long.class);
    }

    private static JsonNode model(JsonNode file, String name) {
        for (JsonNode model : file.path("models")) {
            if (model.path("name").asString().equals(name)) {
                return model;
            }
        }
        throw new AssertionError("no model " + name + " in " + List.of(file.path("models").size()));
    }

    private JsonNode exportJson(String query) {
        return http.get().uri("/admin/v1/config" + query).header("Authorization", "Bearer " + ADMIN_KEY)
                .accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
    }

    private JsonNode get(String path) {
        return http.get().uri(path).header("Authorization", "Bearer " + ADMIN_KEY).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private void patch(String path, Map<String, Object> body) {
        fixtures.patch(path, body).expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec rollback(Object body) {
        return http.post().uri("/admin/v1/config:rollback").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
