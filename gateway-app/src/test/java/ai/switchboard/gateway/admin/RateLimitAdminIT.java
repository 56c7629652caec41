package ai.switchboard.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.it.GatewayIT;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code /admin/v1/rate-limits} over HTTP: the lifecycle of a limit, each change audited and in the snapshot when the
 * call returns, one limit per target, and the limits in the declarative file both ways.
 */
class RateLimitAdminIT extends GatewayIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RegistrySnapshotManager snapshots;

    @Test
    void aLimitIsCreatedReadChangedAndDeletedEachChangeAuditedAndLive() {
        String p = "rl-admin-" + System.nanoTime();
        fixtures.provider(p + "-p", "https://upstream.example/v1");
        fixtures.model(p + "-m", p + "-p", "m");

        JsonNode created = fixtures.post("/admin/v1/rate-limits", Map.of("target_type", "model", "target", p + "-m",
                "requests_per_minute", 600, "tokens_per_minute", 90_000));
        String id = created.path("id").asString();
        UUID modelId = UUID.fromString(created.path("target_id").asString());

        assertThat(created.path("target_type").asString()).isEqualTo("model");
        assertThat(created.path("target").asString()).isEqualTo(p + "-m");
        assertThat(created.path("requests_per_minute").asInt()).isEqualTo(600);
        assertThat(snapshots.current().modelRateLimit(modelId).tokensPerMinute()).isEqualTo(90_000);
        get("/admin/v1/rate-limits/" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.tokens_per_minute").isEqualTo(90_000);
        get("/admin/v1/rate-limits").expectStatus().isOk().expectBody()
                .jsonPath("$.data[?(@.id == '" + id + "')].target").isEqualTo(p + "-m");

        fixtures.patch("/admin/v1/rate-limits/" + id, Map.of("requests_per_minute", 60)).expectStatus().isOk()
                .expectBody().jsonPath("$.requests_per_minute").isEqualTo(60)
                .jsonPath("$.tokens_per_minute").isEqualTo(90_000);
        fixtures.patch("/admin/v1/rate-limits/" + id, java.util.Collections.singletonMap("tokens_per_minute", null))
                .expectStatus().isOk().expectBody().jsonPath("$.tokens_per_minute").doesNotExist();
        assertThat(snapshots.current().modelRateLimit(modelId).requestsPerMinute()).isEqualTo(60);
        assertThat(snapshots.current().modelRateLimit(modelId).tokensPerMinute()).isNull();
        long revision = snapshots.current().version();
        fixtures.patch("/admin/v1/rate-limits/" + id, Map.of("requests_per_minute", 60)).expectStatus().isOk();
        assertThat(snapshots.current().version()).as("a change to nothing").isEqualTo(revision);

        fixtures.delete("/admin/v1/rate-limits/" + id).expectStatus().isNoContent();
        get("/admin/v1/rate-limits/" + id).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(snapshots.current().modelRateLimit(modelId)).isNull();

        List<Map<String, Object>> audit = jdbc.queryForList("SELECT action, actor, entity_name, detail::text AS d "
                + "FROM audit_log WHERE entity_type = 'rate_limit' AND entity_id = ? ORDER BY id", UUID.fromString(id));
        assertThat(audit).extracting(row -> row.get("action")).containsExactly("create", "update", "update",
                "delete");
        assertThat(audit).allSatisfy(row -> assertThat(row.get("entity_name")).isEqualTo(p + "-m"));
        assertThat((String) audit.get(0).get("d")).contains("\"requests_per_minute\": 600", "\"target_type\": \"model\"");
    }

    @Test
    void aTargetHasOneLimitAndAnUnknownIdIsNotFound() {
        String p = "rl-one-" + System.nanoTime();
        fixtures.key(p + "-k");
        fixtures.post("/admin/v1/rate-limits", Map.of("target_type", "key", "target", p + "-k",
                "requests_per_minute", 10));

        http.post().uri("/admin/v1/rate-limits").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("target_type", "key", "target", p + "-k", "tokens_per_minute", 10))
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        get("/admin/v1/rate-limits/" + UUID.randomUUID()).expectStatus().isNotFound();
        get("/admin/v1/rate-limits/not-a-uuid").expectStatus().isNotFound();
        fixtures.delete("/admin/v1/rate-limits/" + UUID.randomUUID()).expectStatus().isNotFound();
    }

    @Test
    void limitsAreExportedAndTheExportAppliesAsIs() {
        String p = "rl-file-" + System.nanoTime();
        String key = fixtures.key(p + "-k");
        assertThat(key).startsWith("sk-");
        String file = """
                providers:
                  - {name: %1$s-p, type: openai, base_url: "https://upstream.example/v1"}
                models:
                  - {name: %1$s-m, provider: %1$s-p, upstream_model: m, capabilities: [chat]}
                rate_limits:
                  - {target_type: model, target: %1$s-m, tokens_per_minute: 5000}
                  - {target_type: key, target: %1$s-k, requests_per_minute: 30, tokens_per_minute: 20000}
                """.formatted(p);
        apply(file).expectStatus().isOk().expectBody().jsonPath("$.sections.rate_limits.created").isEqualTo(2);
        apply(file).expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(false)
                .jsonPath("$.sections.rate_limits.unchanged").isEqualTo(2);
        apply(file.replace("requests_per_minute: 30", "requests_per_minute: 40")).expectStatus().isOk()
                .expectBody().jsonPath("$.sections.rate_limits.updated").isEqualTo(1);

        String json = get("/admin/v1/config").expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
        assertThat(json).contains("{\"target_type\":\"key\",\"target\":\"" + p + "-k\",\"requests_per_minute\":40,"
                + "\"tokens_per_minute\":20000}");
        String yaml = http.get().uri("/admin/v1/config").header("Authorization", "Bearer " + ADMIN_KEY)
                .accept(MediaType.parseMediaType("application/yaml")).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(yaml).contains("rate_limits:");
        apply(yaml).expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(false);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec get(String path) {
        return http.get().uri(path).header("Authorization", "Bearer " + ADMIN_KEY).accept(MediaType.APPLICATION_JSON)
                .exchange();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec apply(String yaml) {
        return http.post().uri("/admin/v1/config:apply").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.parseMediaType("application/yaml")).bodyValue(yaml).exchange();
    }
}
