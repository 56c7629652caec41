package ai.switchboard.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.it.GatewayIT;
import ai.switchboard.gateway.mcp.McpTestServers;
import ai.switchboard.registry.McpServerDefinition;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import ai.switchboard.tools.mcp.McpClientManager;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code /admin/v1/mcp-servers} against real MCP servers: secrets are encrypted at rest, never shown and kept when
 * the rest changes; a URL the gateway may not reach is refused; the gateway connects to what is registered, at
 * once, and the detail view and the metric show each server's health; the declarative file carries servers
 * without their secrets.
 */
class McpServerAdminIT extends GatewayIT {

    private static final String TOKEN = "CANARY-MCP-TOKEN-3141";
    private static final String HEADER = "CANARY-MCP-HEADER-2718";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    RegistrySnapshotManager snapshots;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    McpClientManager mcp;

    @Test
    void secretsAreEncryptedNeverShownNorAuditedAndKeptWhenTheRestChanges() {
        String name = name("secrets");
        JsonNode created = fixtures.post("/admin/v1/mcp-servers", Map.of("name", name, "transport",
                "streamable_http", "url", "https://mcp.example.com/mcp", "bearer_token", TOKEN,
                "headers", Map.of("X-Tenant", HEADER), "enabled", false));

        assertThat(created.toString()).doesNotContain("CANARY");
        assertThat(created.path("bearer_token").asString()).isEqualTo("********");
        assertThat(created.path("headers").path("X-Tenant").asString()).isEqualTo("********");
        assertThat(created.path("connect_timeout_ms").asInt()).isEqualTo(10_000);
        assertThat(jdbc.queryForObject("SELECT s::text FROM mcp_servers s WHERE name = ?", String.class, name))
                .doesNotContain("CANARY").contains("v1:");
        assertThat(jdbc.queryForObject("SELECT string_agg(a::text, '') FROM audit_log a WHERE entity_name = ?",
                String.class, name)).doesNotContain("CANARY").contains("********");
        McpServerDefinition live = snapshots.current().mcpServer(name);
        assertThat(live.secrets().bearerToken()).isEqualTo(TOKEN);
        assertThat(live.toString()).doesNotContain("CANARY");

        JsonNode moved = patchOk(name, Map.of("url", "https://mcp2.example.com/mcp", "call_timeout_ms", 5000));
        assertThat(moved.path("bearer_token").asString()).as("kept").isEqualTo("********");
        assertThat(moved.path("revision").asLong()).isEqualTo(created.path("revision").asLong() + 1);
        assertThat(snapshots.current().mcpServer(name).secrets().headers()).containsEntry("X-Tenant", HEADER);
        assertThat(patchOk(name, Map.of("url", "https://mcp2.example.com/mcp")).path("revision").asLong())
                .as("a write that changes nothing bumps nothing").isEqualTo(moved.path("revision").asLong());

        java.util.HashMap<String, Object> clear = new java.util.HashMap<>();
        clear.put("bearer_token", null);
        assertThat(patchOk(name, clear).path("bearer_token").isNull()).isTrue();
        assertThat(snapshots.current().mcpServer(name).secrets().bearerToken()).isNull();
        fixtures.delete("/admin/v1/mcp-servers/" + name).expectStatus().isNoContent();
        assertThat(snapshots.current().mcpServer(name)).isNull();
    }

    @Test
    void aUrlTheGatewayMayNotReachIsRefusedAndNothingIsStored() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data", "http://10.1.2.3/mcp",
                "http://[fd00:ec2::254]/mcp")) {
            String name = name("ssrf");
            http.post().uri("/admin/v1/mcp-servers").header("Authorization", "Bearer " + ADMIN_KEY)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", name, "transport", "streamable_http", "url", url)).exchange()
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("url");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM mcp_servers WHERE name = ?", Long.class, name))
                    .isZero();
        }
    }

    @Test
    void theGatewayConnectsAtOnceAndShowsEachServersHealth() {
        String stdio = name("everything");
        fixtures.post("/admin/v1/mcp-servers", Map.of("name", stdio, "transport", "stdio", "command", "node",
                "args", McpTestServers.everythingStdioArgs()));
        JsonNode ready = awaitState(stdio, "ready");
        assertThat(ready.path("health").path("tool_count").asInt()).isGreaterThan(0);
        assertThat(meters.find("switchboard.mcp.server.tools").tag("server", stdio).gauge().value())
                .isEqualTo(ready.path("health").path("tool_count").asDouble());

        String dead = name("dead");
        fixtures.post("/admin/v1/mcp-servers", Map.of("name", dead, "transport", "streamable_http",
                "url", "http://127.0.0.1:" + McpTestServers.freePort() + "/mcp", "connect_timeout_ms", 2000));
        JsonNode failed = awaitState(dead, "failed");
        assertThat(failed.path("health").path("last_error").asString()).isNotBlank();
        assertThat(failed.path("health").path("retry_at").isNull()).isFalse();

        patchOk(stdio, Map.of("enabled", false));
        awaitState(stdio, "disabled");
        fixtures.delete("/admin/v1/mcp-servers/" + stdio).expectStatus().isNoContent();
        fixtures.delete("/admin/v1/mcp-servers/" + dead).expectStatus().isNoContent();
    }

    @Test
    void theFileDeclaresServersWithSecretsFromTheEnvironmentAndTheExportAppliesAsIs() {
        String variable = "MCP_ADMIN_SECRET_" + System.nanoTime();
        System.setProperty(variable, "CANARY-MCP-FILE-1618");
        String name = name("filed");
        String file = """
                mcp_servers:
                  - name: %1$s
                    transport: streamable_http
                    url: https://mcp.example.com/filed
                    enabled: false
                    secrets_env: {bearer_token: %2$s}
                """.formatted(name, variable);
        apply(file).jsonPath("$.sections.mcp_servers.created").isEqualTo(1);
        apply(file).jsonPath("$.changed").isEqualTo(false);
        assertThat(snapshots.current().mcpServer(name).secrets().bearerToken()).isEqualTo("CANARY-MCP-FILE-1618");

        String exported = http.get().uri("/admin/v1/config").header("Authorization", "Bearer " + ADMIN_KEY)
                .accept(MediaType.parseMediaType("application/yaml")).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(exported).contains(name).doesNotContain("CANARY");
        apply(exported).jsonPath("$.changed").isEqualTo(false);
        assertThat(snapshots.current().mcpServer(name).secrets().bearerToken()).as("kept").isNotNull();
        fixtures.delete("/admin/v1/mcp-servers/" + name).expectStatus().isNoContent();
    }

    /** Waits on the client's own health updates for {@code state}, then reads the admin view once. */
    private JsonNode awaitState(String name, String state) {
        mcp.connection(name).orElseThrow().healthUpdates()
                .filter(health -> health.state().wireName().equals(state))
                .blockFirst(Duration.ofSeconds(60));
        JsonNode detail = http.get().uri("/admin/v1/mcp-servers/" + name).header("Authorization", "Bearer "
                + ADMIN_KEY).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
        assertThat(detail.path("health").path("state").asString()).as(detail.toString()).isEqualTo(state);
        return detail;
    }

    private JsonNode patchOk(String name, Map<String, ?> body) {
        return fixtures.patch("/admin/v1/mcp-servers/" + name, body).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec apply(String yaml) {
        return http.post().uri("/admin/v1/config:apply").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.parseMediaType("application/yaml")).bodyValue(yaml).exchange()
                .expectStatus().isOk().expectBody();
    }

    private static String name(String stem) {
        return "mcp-" + stem + "-" + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime() & 0xFFFF, 36);
    }
}
