package ai.switchboard.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.it.GatewayIT;
import ai.switchboard.registry.ToolConfig;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code /admin/v1/tools} against the real tool types: a tool's secret configuration is encrypted at rest, never
 * shown (only which secrets are set), kept when the rest of the configuration changes and live in the snapshot;
 * every problem of a configuration is reported at once; a tool an agent or a key is granted stays put.
 */
class ToolAdminIT extends GatewayIT {

    private static final String SECRET = "Bearer CANARY-TOOL-SECRET-4411";
    private static final String NEW_SECRET = "Bearer CANARY-TOOL-SECRET-8822";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    RegistrySnapshotManager snapshots;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void secretsAreEncryptedNeverShownAndKeptWhenTheRestOfTheConfigurationChanges() {
        String name = name("crm_lookup");
        JsonNode created = fixtures.post("/admin/v1/tools", Map.of("name", name, "type", "http",
                "description", "Looks a customer up.\nBy id.", "config", Map.of(
                        "targets", List.of("https://crm.example.com/api/"), "timeout_ms", 5000,
                        "secret_headers", Map.of("Authorization", SECRET))));

        assertThat(created.toString()).doesNotContain("CANARY");
        assertThat(created.path("config").has("secret_headers")).isFalse();
        assertThat(created.path("config").path("timeout_ms").asInt()).isEqualTo(5000);
        assertThat(created.path("secrets").path("secret_headers").path("Authorization").asString())
                .isEqualTo("********");
        assertThat(created.path("status").asString()).isEqualTo("ok");
        assertThat(jdbc.queryForObject("SELECT t::text FROM tools t WHERE name = ?", String.class, name))
                .doesNotContain("CANARY").contains("v1:");
        ToolConfig live = snapshots.current().tool(name);
        assertThat(live.fullConfig().path("secret_headers").path("Authorization").asString()).isEqualTo(SECRET);
        assertThat(live.toString()).doesNotContain("CANARY");

        JsonNode moved = patch(name, Map.of("config", Map.of("targets",
                List.of("https://crm.example.com/api/", "https://crm2.example.com/api/"))));
        assertThat(moved.path("secrets").path("secret_headers").has("Authorization")).as("kept").isTrue();
        assertThat(moved.path("revision").asLong()).isEqualTo(created.path("revision").asLong() + 1);
        assertThat(snapshots.current().tool(name).secrets().path("secret_headers").path("Authorization").asString())
                .isEqualTo(SECRET);

        patch(name, Map.of("config", Map.of("targets", List.of("https://crm.example.com/api/"),
                "secret_headers", Map.of("Authorization", NEW_SECRET))));
        assertThat(snapshots.current().tool(name).secrets().path("secret_headers").path("Authorization").asString())
                .isEqualTo(NEW_SECRET);
        assertThat(jdbc.queryForList("SELECT coalesce(before::text, '') || detail::text FROM audit_log "
                + "WHERE entity_type = 'tool' AND entity_name = ? ORDER BY id", String.class, name))
                .hasSize(3).noneMatch(row -> row.contains("CANARY")).last().asString()
                .contains("secrets_replaced");

        http.patch().uri("/admin/v1/tools/" + name).header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"config\": {\"targets\": "
                        + "[\"https://crm.example.com/api/\"], \"secret_headers\": null}}")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.secrets").isEmpty();
        assertThat(jdbc.queryForObject("SELECT secrets_ciphertext FROM tools WHERE name = ?", String.class, name))
                .isNull();
        assertThat(export()).contains(name).doesNotContain("CANARY");
    }

    @Test
    void aWriteOfWhatIsStoredChangesNothing() {
        String name = name("reporting");
        Map<String, Object> config = Map.of("jdbc_url", "jdbc:postgresql://db.example:5432/reporting",
                "username", "reader", "password", "CANARY-PG-PASSWORD", "allowed_schemas", List.of("public"));
        JsonNode created = fixtures.post("/admin/v1/tools", Map.of("name", name, "type", "sql", "config", config));
        assertThat(created.path("secrets").path("password").asString()).isEqualTo("********");

        JsonNode again = patch(name, Map.of("config", config));
        JsonNode shown = patch(name, Map.of("config", created.path("config")));

        assertThat(again.path("revision").asLong()).isEqualTo(created.path("revision").asLong());
        assertThat(shown.path("revision").asLong()).as("the config as shown, without its secret")
                .isEqualTo(created.path("revision").asLong());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE entity_type = 'tool' AND entity_name = ?",
                Long.class, name)).isEqualTo(1);
    }

    @Test
    void theTypeReportsEveryProblemOfTheConfigurationAtOnce() {
        http.post().uri("/admin/v1/tools").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "bad name", "type", "http",
                        "config", Map.of("targets", List.of(), "timeout_ms", 0, "methods", List.of("DELETE"))))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat(((List<?>) fields).stream().map(String::valueOf).toList())
                        .containsExactlyInAnyOrder("name", "config.targets", "config.timeout_ms", "config.methods"));
    }

    @Test
    void aToolGrantedToAnAgentCanBeNeitherRenamedNorDeleted() {
        String prefix = name("grant");
        fixtures.provider(prefix + "-p", "https://upstream.example/v1");
        fixtures.model(prefix + "-m", prefix + "-p", "m", "chat", "tools");
        String tool = name("lookup");
        fixtures.post("/admin/v1/tools", Map.of("name", tool, "type", "http",
                "config", Map.of("targets", List.of("https://crm.example.com/"))));
        String agent = prefix + "-agent";
        fixtures.post("/admin/v1/agents", Map.of("name", agent, "model", prefix + "-m", "tools", List.of(tool)));

        fixtures.patch("/admin/v1/tools/" + tool, Map.of("name", name("renamed"))).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains(agent));
        fixtures.delete("/admin/v1/tools/" + tool).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains(agent));

        fixtures.patch("/admin/v1/agents/" + agent, Map.of("tools", List.of())).expectStatus().isOk();
        fixtures.delete("/admin/v1/tools/" + tool).expectStatus().isNoContent();
        assertThat(snapshots.current().tool(tool)).isNull();
    }

    @Test
    void aToolGrantedToAKeyCanBeNeitherRenamedNorDeletedUntilTheGrantIsGone() {
        String tool = name("keyed");
        fixtures.post("/admin/v1/tools", Map.of("name", tool, "type", "http",
                "config", Map.of("targets", List.of("https://crm.example.com/"))));
        String key = name("tool-holder");
        fixtures.post("/admin/v1/keys", Map.of("name", key, "allowed_models", List.of("tool:" + tool)));

        fixtures.patch("/admin/v1/tools/" + tool, Map.of("name", name("renamed"))).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString())
                        .contains("key:" + key));
        fixtures.delete("/admin/v1/tools/" + tool).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString())
                        .contains("key:" + key));
        assertThat(snapshots.current().tool(tool)).isNotNull();

        fixtures.patch("/admin/v1/keys/" + key, Map.of("allowed_models", List.of("*"))).expectStatus().isOk();
        fixtures.delete("/admin/v1/tools/" + tool).expectStatus().isNoContent();
        assertThat(snapshots.current().tool(tool)).isNull();
    }

    private JsonNode patch(String name, Map<String, Object> body) {
        return fixtures.patch("/admin/v1/tools/" + name, body).expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
    }

    private String export() {
        return http.get().uri("/admin/v1/config").header("Authorization", "Bearer " + ADMIN_KEY)
                .accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
    }

    private static String name(String prefix) {
        return prefix + "_" + SEQUENCE.incrementAndGet() + "_" + Long.toString(System.nanoTime() & 0xFFFFFF, 36);
    }
}
