package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.mcp.EverythingHttpServer;
import ai.switchboard.gateway.mcp.McpTestServers;
import ai.switchboard.tools.mcp.McpClientManager;
import ai.switchboard.tools.mcp.McpServerState;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Agents granted the tools of a real MCP server ({@code @modelcontextprotocol/server-everything}), over Streamable
 * HTTP and over stdio: a scripted model (WireMock) calls {@code <server>__echo}, the gateway calls the server, and
 * the server's answer is the tool message of the model's second turn. Grants name one tool or a whole server, and
 * only servers that exist.
 */
class AgentMcpToolsIT extends GatewayIT {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static EverythingHttpServer everything;

    @Autowired
    McpClientManager mcp;

    @BeforeAll
    static void startServer() {
        everything = EverythingHttpServer.start();
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        everything.close();
    }

    @Test
    void anAgentCallsOneGrantedToolOfAStreamableHttpServer() {
        String server = server(Map.of("transport", "streamable_http", "url", everything.url().toString()));
        String answer = runEcho(server, List.of(server + "__echo"));
        assertThat(answer).contains("Echo: hello from the model");
    }

    @Test
    void anAgentGrantedAWholeStdioServerSeesAllItsToolsAndCallsOne() {
        String server = server(Map.of("transport", "stdio", "command", "node",
                "args", McpTestServers.everythingStdioArgs()));
        String answer = runEcho(server, List.of(server + "__*"));
        assertThat(answer).contains("Echo: hello from the model");
        JsonNode first = JSON.readTree(turns(runPrefix).get(0).getBodyAsString());
        assertThat(first.path("tools").size()).as("every tool of the server").isGreaterThan(1);
        List<String> offered = new java.util.ArrayList<>();
        first.path("tools").forEach(tool -> offered.add(tool.path("function").path("name").asString()));
        assertThat(offered).contains(server + "__echo")
                .allMatch(name -> name.startsWith(server + "__"));
    }

    @Test
    void grantsNameExistingServersAndAGrantedServerStaysPut() {
        String server = server(Map.of("transport", "streamable_http", "url", everything.url().toString(),
                "enabled", false));
        String prefix = unique("agent-mcp-bad");
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        fixtures.model(prefix + "-m", prefix + "-p", "gpt-4o-mini", "chat", "tools");
        for (String grant : List.of("nosuchserver__echo", server + "__", server + "__a.b")) {
            http.post().uri("/admin/v1/agents").header("Authorization", "Bearer " + ADMIN_KEY)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", prefix + "-a", "model",
                            prefix + "-m", "tools", List.of(grant))).exchange()
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("tools[0]");
        }
        fixtures.post("/admin/v1/agents", Map.of("name", prefix + "-a", "model", prefix + "-m",
                "tools", List.of(server + "__echo")));
        fixtures.delete("/admin/v1/mcp-servers/" + server).expectStatus().isEqualTo(409);
        fixtures.patch("/admin/v1/mcp-servers/" + server, Map.of("name", server + "-x")).expectStatus()
                .isEqualTo(409);
        fixtures.delete("/admin/v1/agents/" + prefix + "-a").expectStatus().isNoContent();
        fixtures.delete("/admin/v1/mcp-servers/" + server).expectStatus().isNoContent();
    }

    private String runPrefix;

    /** Runs an agent granted {@code tools} whose model calls {@code <server>__echo}; returns the tool message. */
    private String runEcho(String server, List<String> tools) {
        String prefix = unique("agent-mcp");
        runPrefix = prefix;
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        fixtures.model(prefix + "-m", prefix + "-p", "gpt-4o-mini", "chat", "tools");
        fixtures.post("/admin/v1/agents", Map.of("name", prefix + "-a", "model", prefix + "-m", "tools", tools));
        String key = fixtures.post("/admin/v1/keys", Map.of("name", unique("k"), "allowed_models",
                List.of("agent:" + prefix + "-a"))).path("key").asString();
        stubModel(prefix, Scenario.STARTED, "called", toolCall(server + "__echo"));
        stubModel(prefix, "called", null, ANSWER);

        JsonNode body = http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("model", "agent:" + prefix + "-a",
                        "messages", List.of(Map.of("role", "user", "content", "Echo something")))).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("x-switchboard-agent-status", "completed")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(body.path("agent_run").path("tool_calls").asInt()).isEqualTo(1);
        List<LoggedRequest> turns = turns(prefix);
        assertThat(turns).hasSize(2);
        JsonNode result = JSON.readTree(turns.get(1).getBodyAsString()).path("messages").get(2);
        assertThat(result.path("role").asString()).isEqualTo("tool");
        return result.path("content").asString();
    }

    /** Registers a server and waits until the gateway is connected to it (unless it is disabled). */
    private String server(Map<String, Object> fields) {
        String name = "ev-" + Long.toString(System.nanoTime(), 36);
        Map<String, Object> body = new java.util.LinkedHashMap<>(fields);
        body.put("name", name);
        fixtures.post("/admin/v1/mcp-servers", body);
        if (!Boolean.FALSE.equals(fields.get("enabled"))) {
            mcp.connection(name).orElseThrow().healthUpdates()
                    .filter(health -> health.state() == McpServerState.READY)
                    .blockFirst(McpTestServers.PATIENCE);
        }
        return name;
    }

    private static List<LoggedRequest> turns(String prefix) {
        return UPSTREAM.findAll(postRequestedFor(urlEqualTo("/" + prefix + "/v1/chat/completions")));
    }

    private static void stubModel(String prefix, String state, String next, String completion) {
        ScenarioMappingBuilder stub = post(urlEqualTo("/" + prefix + "/v1/chat/completions")).inScenario(prefix)
                .whenScenarioStateIs(state);
        UPSTREAM.stubFor((next == null ? stub : stub.willSetStateTo(next)).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(completion)));
    }

    private static String toolCall(String tool) {
        return """
                {"id":"chatcmpl-t","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
                 {"id":"call_echo","type":"function","function":{"name":"%s",
                  "arguments":"{\\"message\\":\\"hello from the model\\"}"}}]},
                 "logprobs":null,"finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":50,"completion_tokens":20,"total_tokens":70}}
                """.formatted(tool);
    }

    private static final String ANSWER = """
            {"id":"chatcmpl-a","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Done."},
             "logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":80,"completion_tokens":10,"total_tokens":90}}
            """;
}
