package ai.switchboard.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.registry.history.HistoryBaseline;
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

    @Autowired
    HistoryBaseline baseline;

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
        fixtures.key(p + "-k");
        fixtures.post("/admin/v1/rate-limits", Map.of("target_type", "key", "target", p + "-k",
                "requests_per_minute", 60));
        long revision = revision();

        patch("/admin/v1/models/" + p + "-m", Map.of("upstream_model", "second"));
        fixtures.model(p + "-later", p + "-p", "later");
        fixtures.delete("/admin/v1/providers/" + p + "-keyed").expectStatus().isNoContent();
        // A revoked key cannot come back, and neither can the limit that went with it.
        fixtures.delete("/admin/v1/keys/" + p + "-k").expectStatus().isNoContent();

        JsonNode result = rollback(Map.of("revision", revision)).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(result.path("restored_revision").asLong()).isEqualTo(revision);
        assertThat(result.path("revision").asLong()).isGreaterThan(revision);
        assertThat(result.path("notes").toString())
                .contains("{\"section\":\"models\",\"name\":\"" + p + "-later\",\"outcome\":\"disabled\"}")
                .contains("{\"section\":\"providers\",\"name\":\"" + p + "-keyed\",\"outcome\":\"restored_disabled\"}")
                .contains("{\"section\":\"keys\",\"name\":\"" + p + "-k\",\"outcome\":\"not_restored\"}")
                .contains("{\"section\":\"rate_limits\",\"name\":\"" + p + "-k\",\"outcome\":\"not_restored\"}");

        assertThat(get("/admin/v1/models/" + p + "-m").path("upstream_model").asString()).isEqualTo("first");
        assertThat(get("/admin/v1/models/" + p + "-later").path("enabled").asBoolean()).isFalse();
        JsonNode restored = get("/admin/v1/providers/" + p + "-keyed");
        assertThat(restored.path("enabled").asBoolean()).isFalse();
        assertThat(restored.toString()).doesNotContain("sk-history-secret-3");

        // Everything else is as it was then: exporting now and at that revision agree on what existed then.
        assertThat(model(exportJson(""), p + "-m")).isEqualTo(model(exportJson("?revision=" + revision), p + "-m"));
    }

    @Test
    void keepsToolsWithoutTheirSecretsAndLimitsByTarget() {
        String p = unique("hist-kinds");
        fixtures.post("/admin/v1/tools", Map.of("name", p + "-tool", "type", "http", "config", Map.of(
                "targets", List.of("https://tools.example/"), "secret_headers",
                Map.of("Authorization", "Bearer tool-history-secret"))));
        patch("/admin/v1/tools/" + p + "-tool", Map.of("description", "second"));
        fixtures.key(p + "-k");
        String limit = fixtures.post("/admin/v1/rate-limits", Map.of("target_type", "key", "target", p + "-k",
                "requests_per_minute", 60)).path("id").asString();
        patch("/admin/v1/rate-limits/" + limit, Map.of("requests_per_minute", 120));

        JsonNode tool = get("/admin/v1/tools/" + p + "-tool/history").path("data");
        assertThat(tool).hasSize(2);
        assertThat(tool.get(0).path("form").path("config").path("targets").get(0).asString())
                .isEqualTo("https://tools.example/");
        assertThat(tool.toString()).doesNotContain("tool-history-secret").doesNotContain("secret_headers");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM registry_history WHERE form::text LIKE ?",
                Integer.class, "%tool-history-secret%")).isZero();

        JsonNode limits = get("/admin/v1/rate-limits/" + limit + "/history").path("data");
        assertThat(limits).hasSize(2);
        assertThat(limits.get(1).path("form").path("requests_per_minute").asInt()).isEqualTo(120);
        rollback(Map.of("entity", Map.of("kind", "rate-limits", "id", limit), "version", 1)).expectStatus().isOk();
        assertThat(get("/admin/v1/rate-limits/" + limit).path("requests_per_minute").asInt()).isEqualTo(60);
    }

    @Test
    void aRenameRecordsTheEntitiesThatReferToItByName() {
        String p = unique("hist-cascade");
        fixtures.post("/admin/v1/teams", Map.of("name", p + "-t"));
        fixtures.post("/admin/v1/budgets", Map.of("name", p + "-b", "scope_type", "team", "scope", p + "-t",
                "period", "monthly", "limit_usd", 10));
        long before = revision();
        patch("/admin/v1/teams/" + p + "-t", Map.of("name", p + "-renamed"));

        JsonNode budget = get("/admin/v1/budgets/" + p + "-b/history").path("data");
        assertThat(budget).hasSize(2);
        assertThat(budget.get(1).path("action").asString()).isEqualTo("cascade");
        assertThat(budget.get(1).path("form").path("scope").asString()).isEqualTo(p + "-renamed");
        // Rebuilt at either revision, the budget names a team that exists at that revision.
        assertThat(exportJson("?revision=" + before).path("budgets").toString()).contains("\"" + p + "-t\"");
        assertThat(exportJson("?revision=" + revision()).path("budgets").toString()).contains(p + "-renamed");
    }

    @Test
    void aStartRecordsABaselineOfEntitiesThatHaveNoHistory() {
        String p = unique("hist-base");
        fixtures.provider(p + "-p", upstreamBase(p));
        String id = fixtures.model(p + "-m", p + "-p", "first").path("id").asString();
        // As if the model predated the history: only the audit trail knows it.
        jdbc.update("DELETE FROM registry_history WHERE entity_name = ?", p + "-m");

        baseline.start();

        JsonNode versions = get("/admin/v1/models/" + p + "-m/history").path("data");
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).path("action").asString()).isEqualTo("baseline");
        assertThat(versions.get(0).path("entity_id").asString()).isEqualTo(id);
        assertThat(versions.get(0).path("form").path("upstream_model").asString()).isEqualTo("first");
        baseline.start();
        assertThat(get("/admin/v1/models/" + p + "-m/history").path("data")).hasSize(1);
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
