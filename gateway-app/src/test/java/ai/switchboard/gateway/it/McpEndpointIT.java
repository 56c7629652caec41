package ai.switchboard.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import ai.switchboard.gateway.mcp.EverythingHttpServer;
import ai.switchboard.gateway.mcp.McpTestServers;
import ai.switchboard.tools.mcp.McpClientManager;
import ai.switchboard.tools.mcp.McpServerState;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /mcp} against the official MCP Java SDK client, with real upstream servers
 * ({@code @modelcontextprotocol/server-everything} over Streamable HTTP): a key sees and calls exactly the tools it
 * is granted, a refused call is a JSON-RPC error that is audited and metered, a grant taken away stops the next call
 * of the same session, and an upstream killed mid-call is a clear error that leaves the other servers alone. The
 * TypeScript SDK client ({@link TypeScriptMcpClient}) goes through the grant, revocation and upstream-loss cases too.
 */
class McpEndpointIT extends GatewayIT {

    private static EverythingHttpServer bystanderServer;
    private static EverythingHttpServer victimServer;

    @Autowired
    McpClientManager mcp;

    @Autowired
    JdbcTemplate jdbc;

    private String server;
    private String victim;

    @BeforeAll
    static void startServers() {
        bystanderServer = EverythingHttpServer.start();
        victimServer = EverythingHttpServer.start();
    }

    @AfterAll
    static void stopServers() throws InterruptedException {
        bystanderServer.close();
        victimServer.close();
    }

    @BeforeEach
    void registerServer() {
        server = register(bystanderServer);
    }

    @Test
    void aGrantedKeyListsAndCallsExactlyItsToolsAndEveryCallIsMetered() {
        victim = register(bystanderServer);
        String key = key(List.of("tool:" + server + "__echo", "mcp:" + victim));
        try (McpSyncClient client = client(key)) {
            McpSchema.InitializeResult init = client.initialize();
            assertThat(init.protocolVersion()).isEqualTo("2025-11-25");
            List<String> names = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
            assertThat(names).contains(server + "__echo", victim + "__echo", victim + "__get-sum")
                    .doesNotContain(server + "__get-sum")
                    .allMatch(name -> name.equals(server + "__echo") || name.startsWith(victim + "__"));

            McpSchema.CallToolResult echoed = client.callTool(new McpSchema.CallToolRequest(server + "__echo",
                    Map.of("message", "hi")));
            assertThat(echoed.isError()).isNotEqualTo(Boolean.TRUE);
            assertThat(((McpSchema.TextContent) echoed.content().get(0)).text()).isEqualTo("Echo: hi");
            client.ping();
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT operation, tool_server, tool_name, status, error_type FROM usage_ledger l JOIN api_keys k "
                        + "ON k.id = l.key_id WHERE k.name = ?", keyName(key))).singleElement().satisfies(row -> {
                            assertThat(row.get("operation")).isEqualTo("execute_tool");
                            assertThat(row.get("tool_server")).isEqualTo(server);
                            assertThat(row.get("tool_name")).isEqualTo(server + "__echo");
                            assertThat(((Number) row.get("status")).intValue()).isEqualTo(200);
                            assertThat(row.get("error_type")).isNull();
                        }));
    }

    @Test
    void anUngrantedKeySeesNoToolsAndItsCallIsRefusedAuditedAndMetered() {
        String key = key(List.of("*"));
        try (McpSyncClient client = client(key)) {
            client.initialize();
            assertThat(client.listTools().tools()).as("* grants no tools").isEmpty();

            Throwable refused = catchThrowable(() -> client.callTool(new McpSchema.CallToolRequest(server + "__echo",
                    Map.of("message", "hi"))));

            assertThat(refused).isInstanceOf(McpError.class);
            assertThat(((McpError) refused).getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
            assertThat(refused.getMessage()).contains("not available to this key");
        }
        String name = keyName(key);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE action = 'denied' AND entity_name = "
                    + "'POST /mcp' AND actor_key_id = (SELECT id FROM api_keys WHERE name = ?)", Long.class, name))
                    .isEqualTo(1);
            assertThat(jdbc.queryForList("SELECT error_type FROM usage_ledger l JOIN api_keys k ON k.id = l.key_id "
                    + "WHERE k.name = ?", String.class, name)).containsExactly("tool_not_granted");
        });
    }

    @Test
    void aGrantTakenAwayMidSessionStopsTheNextCall() {
        String key = key(List.of("mcp:" + server));
        try (McpSyncClient client = client(key)) {
            client.initialize();
            assertThat(client.callTool(new McpSchema.CallToolRequest(server + "__echo", Map.of("message", "1")))
                    .isError()).isNotEqualTo(Boolean.TRUE);

            fixtures.patch("/admin/v1/keys/" + keyName(key), Map.of("allowed_models", List.of("*")))
                    .expectStatus().isOk();

            Throwable refused = catchThrowable(() -> client.callTool(new McpSchema.CallToolRequest(server + "__echo",
                    Map.of("message", "2"))));
            assertThat(refused).isInstanceOf(McpError.class);
            assertThat(client.listTools().tools()).isEmpty();
        }
    }

    @Test
    void anUpstreamKilledMidCallIsAClearErrorAndOtherServersAreUnaffected() throws Exception {
        victim = register(victimServer);
        String key = key(List.of("mcp:" + server, "mcp:" + victim));
        // Its own thread: the common pool may have a single worker here, which the SDK's HTTP transport needs.
        try (McpSyncClient client = client(key);
                java.util.concurrent.ExecutorService caller = java.util.concurrent.Executors.newSingleThreadExecutor()) {
            client.initialize();
            // A first call settles the victim's connection (its initial re-listing), so the next POST it receives
            // is the long call itself.
            client.callTool(new McpSchema.CallToolRequest(victim + "__echo", Map.of("message", "warm")));
            int before = victimServer.postsReceived();
            CompletableFuture<McpSchema.CallToolResult> inFlight = CompletableFuture.supplyAsync(() -> client
                    .callTool(new McpSchema.CallToolRequest(victim + "__trigger-long-running-operation",
                            Map.of("duration", 60, "steps", 1))), caller);
            victimServer.awaitPostsAbove(before);

            victimServer.kill();

            McpSchema.CallToolResult lost = inFlight.get(McpTestServers.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(lost.isError()).isTrue();
            assertThat(((McpSchema.TextContent) lost.content().get(0)).text()).contains(victim)
                    .contains("connection_lost");
            McpSchema.CallToolResult other = client.callTool(new McpSchema.CallToolRequest(server + "__echo",
                    Map.of("message", "still here")));
            assertThat(((McpSchema.TextContent) other.content().get(0)).text()).isEqualTo("Echo: still here");
            assertThat(client.listTools().tools()).noneMatch(tool -> tool.name().startsWith(victim + "__"));
        } finally {
            victimServer.launch();
        }
    }

    @Test
    void aToolInstanceIsListedAndRunForTheKeyGrantedIt() {
        String prefix = unique("mcp-crm");
        String tool = prefix + "-lookup";
        fixtures.post("/admin/v1/tools", Map.of("name", tool, "type", "http", "description", "Reads a customer",
                "config", Map.of("targets", List.of(UPSTREAM.baseUrl() + "/" + prefix + "/"),
                        "allowed_cidrs", List.of("127.0.0.0/8", "::1/128"))));
        UPSTREAM.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/" + prefix + "/customers/42")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"name\":\"Ada Lovelace\"}")));
        try (McpSyncClient client = client(key(List.of("tool:" + tool)))) {
            client.initialize();
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).containsExactly(tool);

            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool,
                    Map.of("url", UPSTREAM.baseUrl() + "/" + prefix + "/customers/42")));

            assertThat(result.isError()).isFalse();
            assertThat(((McpSchema.TextContent) result.content().get(0)).text()).contains("Ada Lovelace");
            McpSchema.CallToolResult bad = client.callTool(new McpSchema.CallToolRequest(tool, Map.of("url", 5)));
            assertThat(bad.isError()).as("arguments checked against the tool's schema").isTrue();
        }
    }

    @Test
    void toolCallsSpendTheKeysRequestsPerMinute() {
        String key = key(List.of("mcp:" + server));
        fixtures.post("/admin/v1/rate-limits", Map.of("target_type", "key", "target", keyName(key),
                "requests_per_minute", 1));
        try (McpSyncClient client = client(key)) {
            client.initialize();
            assertThat(client.callTool(new McpSchema.CallToolRequest(server + "__echo", Map.of("message", "1")))
                    .isError()).isNotEqualTo(Boolean.TRUE);

            Throwable limited = catchThrowable(() -> client.callTool(new McpSchema.CallToolRequest(server + "__echo",
                    Map.of("message", "2"))));

            assertThat(limited).isInstanceOf(McpError.class).hasMessageContaining("requests per minute");
            assertThat(((McpError) limited).getJsonRpcError().code()).isEqualTo(-32029);
        }
    }

    @Test
    void keyGrantsNameWhatExistsAndANonAdminGrantorPassesOnOnlyWhatItHolds() {
        String team = fixtures.post("/admin/v1/teams", Map.of("name", unique("mcp-team"))).path("name").asString();
        String teamAdmin = fixtures.post("/admin/v1/keys", Map.of("name", unique("mcp-team-admin"), "scopes",
                List.of("team-admin", "inference"), "allowed_models", List.of("*", "mcp:" + server), "team", team))
                .path("key").asString();
        for (List<String> held : List.of(List.of("tool:" + server + "__echo"), List.of("mcp:" + server))) {
            http.post().uri("/admin/v1/keys").header("Authorization", "Bearer " + teamAdmin)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", unique("mcp-given"),
                            "allowed_models", held, "team", team)).exchange().expectStatus().isCreated();
        }
        String other = register(bystanderServer);
        http.post().uri("/admin/v1/keys").header("Authorization", "Bearer " + teamAdmin)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", unique("mcp-given"),
                        "allowed_models", List.of("mcp:" + other), "team", team)).exchange()
                .expectStatus().isForbidden();
        fixtures.delete("/admin/v1/mcp-servers/" + server).expectStatus().isEqualTo(409);
    }

    @Test
    void theTypeScriptSdkClientListsAndCallsGrantedToolsOnlyAndIsRefusedTheRest() throws Exception {
        List<Map<String, Object>> steps = List.of(Map.of("op", "list"), call(server + "__echo", "from node"));
        List<JsonNode> ok = typeScriptClient(key(List.of("tool:" + server + "__echo")), steps, label -> {
        });
        assertThat(ok.get(0).path("tools")).hasSize(1);
        assertThat(ok.get(0).path("tools").get(0).asString()).isEqualTo(server + "__echo");
        assertThat(ok.get(1).at("/result/content/0/text").asString()).isEqualTo("Echo: from node");

        List<JsonNode> refused = typeScriptClient(key(List.of("*")), steps, label -> {
        });
        assertThat(refused.get(0).path("tools")).isEmpty();
        assertThat(refused.get(1).at("/error/code").asInt()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
    }

    @Test
    void theTypeScriptSdkClientIsRefusedTheNextCallOnceItsGrantIsTakenAwayMidSession() throws Exception {
        String key = key(List.of("mcp:" + server));
        List<JsonNode> out = typeScriptClient(key, List.of(Map.of("op", "list"), call(server + "__echo", "1"),
                Map.of("op", "pause", "label", "revoke"), call(server + "__echo", "2"), Map.of("op", "list")),
                label -> fixtures.patch("/admin/v1/keys/" + keyName(key), Map.of("allowed_models", List.of("*")))
                        .expectStatus().isOk());

        assertThat(out.get(0).path("tools").valueStream().map(JsonNode::asString)).contains(server + "__echo");
        assertThat(out.get(1).at("/result/content/0/text").asString()).isEqualTo("Echo: 1");
        assertThat(out.get(3).has("result")).as(out.get(3).toString()).isFalse();
        assertThat(out.get(3).at("/error/code").asInt()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
        assertThat(out.get(3).at("/error/message").asString()).contains("not available to this key");
        assertThat(out.get(4).path("tools")).isEmpty();
    }

    @Test
    void theTypeScriptSdkClientGetsAClearErrorWhenAnUpstreamIsKilledMidCallAndKeepsTheOthers() throws Exception {
        victim = register(victimServer);
        int[] before = new int[1];
        try {
            List<JsonNode> out = typeScriptClient(key(List.of("mcp:" + server, "mcp:" + victim)), List.of(
                    // The first call settles the victim's connection, so the next POST it receives is the long call.
                    call(victim + "__echo", "warm"),
                    Map.of("op", "pause", "label", "count"),
                    Map.of("op", "start", "tool", victim + "__trigger-long-running-operation",
                            "arguments", Map.of("duration", 60, "steps", 1)),
                    Map.of("op", "pause", "label", "kill"),
                    Map.of("op", "finish"),
                    call(server + "__echo", "still here"),
                    Map.of("op", "list")), label -> {
                        try {
                            if (label.equals("count")) {
                                before[0] = victimServer.postsReceived();
                            } else {
                                victimServer.awaitPostsAbove(before[0]);
                                victimServer.kill();
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException(e);
                        }
                    });

            assertThat(out.get(0).at("/result/content/0/text").asString()).isEqualTo("Echo: warm");
            JsonNode lost = out.get(4);
            assertThat(lost.at("/result/isError").asBoolean()).as(lost.toString()).isTrue();
            assertThat(lost.at("/result/content/0/text").asString()).contains(victim).contains("connection_lost");
            assertThat(out.get(5).at("/result/content/0/text").asString()).isEqualTo("Echo: still here");
            assertThat(out.get(6).path("tools").valueStream().map(JsonNode::asString))
                    .contains(server + "__echo").noneMatch(tool -> tool.startsWith(victim + "__"));
        } finally {
            victimServer.launch();
        }
    }

    private List<JsonNode> typeScriptClient(String key, List<Map<String, Object>> steps,
            java.util.function.Consumer<String> onPause) throws Exception {
        return TypeScriptMcpClient.run("http://localhost:" + port + "/mcp", key, steps, onPause);
    }

    private static Map<String, Object> call(String tool, String message) {
        return Map.of("op", "call", "tool", tool, "arguments", Map.of("message", message));
    }

    private McpSyncClient client(String key) {
        var transport = HttpClientStreamableHttpTransport.builder("http://localhost:" + port).endpoint("/mcp")
                .jsonMapper(new JacksonMcpJsonMapper(JsonMapper.shared()))
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + key)).build();
        return McpClient.sync(transport).requestTimeout(McpTestServers.PATIENCE).build();
    }

    /** Registers a running server-everything and waits until the gateway is connected to it. */
    private String register(EverythingHttpServer running) {
        String name = "ep-" + Long.toString(System.nanoTime(), 36);
        fixtures.post("/admin/v1/mcp-servers", Map.of("name", name, "transport", "streamable_http",
                "url", running.url().toString()));
        mcp.connection(name).orElseThrow().healthUpdates().filter(health -> health.state() == McpServerState.READY)
                .blockFirst(McpTestServers.PATIENCE);
        return name;
    }

    private final Map<String, String> keyNames = new java.util.HashMap<>();

    private String key(List<String> grants) {
        String name = unique("mcp-key");
        String key = fixtures.post("/admin/v1/keys", Map.of("name", name, "allowed_models", grants)).path("key")
                .asString();
        keyNames.put(key, name);
        return key;
    }

    private String keyName(String key) {
        return keyNames.get(key);
    }
}
