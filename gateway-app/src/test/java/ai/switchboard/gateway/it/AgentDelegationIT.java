package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An {@code agent} tool: the lead agent's model (one scripted upstream) hands a task to the writer agent, which runs
 * its own loop on its own model (another upstream) and answers; the lead's model reads that answer as the tool's
 * data. The writer's tokens and cost are the request's (ledger row, extra-tokens header) and count against the lead's
 * cost limit. The key needs only the lead agent.
 */
class AgentDelegationIT extends GatewayIT {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Autowired
    JdbcTemplate jdbcTemplate;

    private String prefix;
    private String tool;

    @BeforeEach
    void writerAgentBehindATool() {
        prefix = unique("delegation");
        fixtures.provider(prefix + "-lead-p", upstreamBase(prefix + "/lead"));
        fixtures.provider(prefix + "-writer-p", upstreamBase(prefix + "/writer"));
        // The lead's own steps cost nothing, so a stop at its cost limit can only come from the writer's spending.
        fixtures.post("/admin/v1/models", Map.of("name", prefix + "-lead-m", "provider", prefix + "-lead-p",
                "upstream_model", "gpt-4o", "capabilities", List.of("chat", "tools"),
                "input_price_per_mtok", 0, "output_price_per_mtok", 0));
        fixtures.model(prefix + "-writer-m", prefix + "-writer-p", "gpt-4o-mini", "chat");
        fixtures.post("/admin/v1/agents", Map.of("name", prefix + "-writer", "model", prefix + "-writer-m",
                "instructions", "Write one line."));
        tool = prefix + "-ask-writer";
        fixtures.post("/admin/v1/tools", Map.of("name", tool, "type", "agent",
                "description", "Asks the writer for a line of text.",
                "config", Map.of("agent", prefix + "-writer")));
    }

    @Test
    void theLeadsModelReadsTheWritersAnswerAndTheRequestPaysForBoth() {
        String key = lead(Map.of("max_steps", 4));
        stub("lead", Scenario.STARTED, "asked", delegates("a haiku about rain"));
        stub("lead", "asked", null, answer("Here it is: soft rain on the roof", 60, 12));
        stub("writer", null, null, answer("soft rain on the roof", 80, 10));

        JsonNode body = chat(key).expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-agent-status", "completed")
                // The lead's tool-calling step (70) and the writer's one step (90) are the request's extra tokens.
                .expectHeader().valueEquals("x-switchboard-extra-tokens", "160")
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(body.path("choices").get(0).path("message").path("content").asString())
                .isEqualTo("Here it is: soft rain on the roof");
        List<LoggedRequest> writer = UPSTREAM.findAll(postRequestedFor(urlEqualTo("/" + prefix
                + "/writer/v1/chat/completions")));
        assertThat(writer).hasSize(1);
        JsonNode asked = JSON.readTree(writer.getFirst().getBodyAsString());
        assertThat(asked.path("messages").get(0).path("content").asString()).isEqualTo("Write one line.");
        assertThat(asked.path("messages").get(1).path("content").asString()).isEqualTo("a haiku about rain");
        List<LoggedRequest> lead = UPSTREAM.findAll(postRequestedFor(urlEqualTo("/" + prefix
                + "/lead/v1/chat/completions")));
        JsonNode toolMessage = JSON.readTree(JSON.readTree(lead.get(1).getBodyAsString()).path("messages")
                .get(3).path("content").asString()).path("tool_output").path("data");
        assertThat(toolMessage.path("agent").asString()).isEqualTo(prefix + "-writer");
        assertThat(toolMessage.path("status").asString()).isEqualTo("completed");
        assertThat(toolMessage.path("answer").asString()).isEqualTo("soft rain on the roof");

        // One ledger row for the request: every step's tokens, and the writer's cost (the lead's model is free).
        BigDecimal writerCost = new BigDecimal("0.000018"); // 80 x $0.15/M + 10 x $0.60/M
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbcTemplate.queryForList(
                "SELECT input_tokens, output_tokens, cost_usd FROM usage_ledger WHERE agent = ? "
                        + "AND operation = 'invoke_agent'", prefix + "-lead")).singleElement().satisfies(row -> {
                    assertThat(row.get("input_tokens")).isEqualTo(50L + 80L + 60L);
                    assertThat(row.get("output_tokens")).isEqualTo(20L + 10L + 12L);
                    assertThat((BigDecimal) row.get("cost_usd")).isEqualByComparingTo(writerCost);
                }));
        // The lead's tool call is a row of its own, in the same request, with no tokens and no cost.
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbcTemplate.queryForList(
                "SELECT request_id, tool_server, tool_name, status, error_type, input_tokens, cost_usd "
                        + "FROM usage_ledger WHERE agent = ? AND operation = 'execute_tool'", prefix + "-lead"))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("tool_name")).isEqualTo(tool);
                    assertThat(row.get("tool_server")).isNull();
                    assertThat(row.get("status")).isEqualTo(200);
                    assertThat(row.get("error_type")).isNull();
                    assertThat(row.get("input_tokens")).isEqualTo(0L);
                    assertThat(row.get("cost_usd")).isNull();
                    assertThat(row.get("request_id")).isEqualTo(jdbcTemplate.queryForObject("SELECT request_id FROM "
                            + "usage_ledger WHERE agent = ? AND operation = 'invoke_agent'", String.class,
                            prefix + "-lead"));
                }));
    }

    @Test
    void theWritersSpendingStopsTheLeadAtItsCostLimit() {
        // One writer step costs $0.000018; the lead may spend $0.00001 in all. Without the writer's spending counted,
        // the lead would go on delegating until its steps ran out.
        String key = lead(Map.of("max_steps", 4, "max_cost_usd", 0.00001));
        stub("lead", null, null, delegates("another line"));
        stub("writer", null, null, answer("a line", 80, 10));

        chat(key).expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-agent-status", "max_cost");

        UPSTREAM.verify(1, postRequestedFor(urlEqualTo("/" + prefix + "/writer/v1/chat/completions")));
        UPSTREAM.verify(2, postRequestedFor(urlEqualTo("/" + prefix + "/lead/v1/chat/completions")));
    }

    @Test
    void aToolNamingAnAgentThatDoesNotExistIsAResultTheModelReads() {
        fixtures.post("/admin/v1/tools", Map.of("name", prefix + "-ask-nobody", "type", "agent",
                "config", Map.of("agent", prefix + "-nobody")));
        String key = lead(Map.of("max_steps", 3), prefix + "-ask-nobody");
        stub("lead", Scenario.STARTED, "asked", delegates("hello", prefix + "-ask-nobody"));
        stub("lead", "asked", null, answer("Nobody answered.", 60, 12));

        chat(key).expectStatus().isOk().expectHeader().valueEquals("x-switchboard-agent-status", "completed");

        List<LoggedRequest> lead = UPSTREAM.findAll(postRequestedFor(urlEqualTo("/" + prefix
                + "/lead/v1/chat/completions")));
        JsonNode error = JSON.readTree(JSON.readTree(lead.get(1).getBodyAsString()).path("messages").get(3)
                .path("content").asString()).path("tool_output").path("error");
        assertThat(error.path("type").asString()).isEqualTo("unavailable");
        assertThat(error.path("message").asString()).contains("no agent named '" + prefix + "-nobody'");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbcTemplate.queryForList(
                "SELECT status, error_type FROM usage_ledger WHERE agent = ? AND operation = 'execute_tool'",
                prefix + "-lead")).singleElement().satisfies(row -> {
                    assertThat(row.get("status")).isEqualTo(503);
                    assertThat(row.get("error_type")).isEqualTo("unavailable");
                }));
    }

    /** The lead agent granted {@code tools} (the writer tool when none), and a key that may use only it. */
    private String lead(Map<String, Object> limits, String... tools) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", prefix + "-lead", "model", prefix + "-lead-m",
                "instructions", "Delegate writing.", "tools", tools.length == 0 ? List.of(tool) : List.of(tools)));
        body.putAll(limits);
        fixtures.post("/admin/v1/agents", body);
        return fixtures.post("/admin/v1/keys", Map.of("name", unique("k"), "allowed_models",
                List.of("agent:" + prefix + "-lead"))).path("key").asString();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec chat(String key) {
        return http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("model", "agent:" + prefix + "-lead",
                        "messages", List.of(Map.of("role", "user", "content", "Write me something."))))
                .exchange();
    }

    /** Upstream {@code who}'s answer in scenario {@code state} (any state when null), moving it to {@code next}. */
    private void stub(String who, String state, String next, String completion) {
        var answer = aResponse().withHeader("Content-Type", "application/json").withBody(completion);
        String path = "/" + prefix + "/" + who + "/v1/chat/completions";
        if (state == null) {
            UPSTREAM.stubFor(post(urlEqualTo(path)).willReturn(answer));
            return;
        }
        ScenarioMappingBuilder stub = post(urlEqualTo(path)).inScenario(prefix + who).whenScenarioStateIs(state);
        UPSTREAM.stubFor((next == null ? stub : stub.willSetStateTo(next)).willReturn(answer));
    }

    private String delegates(String input) {
        return delegates(input, tool);
    }

    private static String delegates(String input, String toolName) {
        return """
                {"id":"chatcmpl-t","object":"chat.completion","created":1700000000,"model":"gpt-4o",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
                 {"id":"call_w","type":"function","function":{"name":"%s","arguments":"{\\"input\\":\\"%s\\"}"}}]},
                 "logprobs":null,"finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":50,"completion_tokens":20,"total_tokens":70}}
                """.formatted(toolName, input);
    }

    private static String answer(String text, int prompt, int completion) {
        return """
                {"id":"chatcmpl-a","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},
                 "logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}
                """.formatted(text, prompt, completion, prompt + completion);
    }
}
