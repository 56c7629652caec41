package ai.switchboard.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import ai.switchboard.gateway.mcp.EverythingHttpServer;
import ai.switchboard.gateway.mcp.McpTestServers;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /mcp} behind a load balancer: this test's gateway is replica A, a second gateway process on the same
 * database is replica B. One Java SDK client session initializes on A and does everything else on B, which works
 * because the endpoint keeps no session state; a grant revoked through A's admin API is refused on B about a second
 * later (LISTEN/NOTIFY), in that same session.
 */
class McpReplicasIT extends GatewayIT {

    @Test
    void aSessionStartedOnOneReplicaCarriesOnOnTheOtherAndARevocationReachesIt() throws Exception {
        try (EverythingHttpServer upstream = EverythingHttpServer.start();
                GatewayInstance b = GatewayInstance.start("switchboard.mcp.allowed-cidrs=127.0.0.0/8")) {
            String server = "rep-" + Long.toString(System.nanoTime(), 36);
            fixtures.post("/admin/v1/mcp-servers", Map.of("name", server, "transport", "streamable_http",
                    "url", upstream.url().toString()));
            String name = unique("mcp-replica-key");
            String key = fixtures.post("/admin/v1/keys", Map.of("name", name, "allowed_models",
                    List.of("mcp:" + server))).path("key").asString();
            ConcurrentLinkedQueue<String> routed = new ConcurrentLinkedQueue<>();
            try (McpSyncClient client = balancedClient(key, port, b.port, routed)) {
                client.initialize();
                // B learns of the key and the server through NOTIFY, then connects to the server itself.
                await().atMost(McpTestServers.PATIENCE).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                        .untilAsserted(() -> assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                                .contains(server + "__echo"));
                McpSchema.CallToolResult echoed = client.callTool(new McpSchema.CallToolRequest(server + "__echo",
                        Map.of("message", "on b")));
                assertThat(((McpSchema.TextContent) echoed.content().get(0)).text()).isEqualTo("Echo: on b");
                assertThat(routed).first().isEqualTo("a initialize");
                assertThat(routed).filteredOn(route -> route.contains("tools/")).isNotEmpty()
                        .allMatch(route -> route.startsWith("b "));

                fixtures.patch("/admin/v1/keys/" + name, Map.of("allowed_models", List.of("*"))).expectStatus()
                        .isOk();

                await().atMost(Duration.ofMillis(1500)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
                    Throwable refused = catchThrowable(() -> client.callTool(new McpSchema.CallToolRequest(
                            server + "__echo", Map.of("message", "after revocation"))));
                    assertThat(refused).isInstanceOf(McpError.class);
                    assertThat(((McpError) refused).getJsonRpcError().code())
                            .isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
                });
                assertThat(client.listTools().tools()).isEmpty();
            }
            fixtures.delete("/admin/v1/mcp-servers/" + server).expectStatus().is2xxSuccessful();
        }
    }

    /**
     * A client whose requests a stand-in load balancer spreads: {@code initialize} to replica A, every other POST to
     * replica B. {@code routed} records "replica method" per request.
     */
    private static McpSyncClient balancedClient(String key, int a, int b, ConcurrentLinkedQueue<String> routed) {
        var transport = HttpClientStreamableHttpTransport.builder("http://localhost:" + a).endpoint("/mcp")
                .jsonMapper(new JacksonMcpJsonMapper(JsonMapper.shared()))
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + key))
                .httpRequestCustomizer((builder, method, endpoint, body, context) -> {
                    if (!"POST".equals(method)) {
                        return;
                    }
                    String rpc = body == null ? "" : JsonMapper.shared().readTree(body).path("method").asString("");
                    boolean toA = rpc.equals(McpSchema.METHOD_INITIALIZE);
                    routed.add((toA ? "a " : "b ") + rpc);
                    builder.uri(URI.create("http://localhost:" + (toA ? a : b) + "/mcp"));
                })
                .build();
        return McpClient.sync(transport).requestTimeout(McpTestServers.PATIENCE).build();
    }
}
