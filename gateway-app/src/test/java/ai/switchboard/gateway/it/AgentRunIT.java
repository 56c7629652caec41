package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code "model": "agent:<name>"} on {@code /v1/chat/completions}: a scripted model (WireMock) calls the agent's
 * {@code http} tool, the gateway runs it against a CRM (WireMock too, reached only because the tool allows
 * loopback) with its secret header, feeds the result back, and the model's second turn is the answer. Limits stop a
 * run with a clear status; requests an agent cannot serve are refused before any upstream call.
 */
class AgentRunIT extends GatewayIT {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String CRM_SECRET = "Bearer CANARY-CRM-SECRET-3141";

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private String prefix;
    private String tool;
    private String key;
    private String keyName;

    @BeforeEach
    void agentWithACrmTool() {
        prefix = unique("agent-run");
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        fixtures.model(prefix + "-m", prefix + "-p", "gpt-4o-mini", "chat", "tools");
        tool = prefix + "-crm";
        fixtures.post("/admin/v1/tools", Map.of("name", tool, "type", "http",
                "description", "Reads a customer from the CRM by URL",
                "config", Map.of("targets", List.of(crmBase()), "allowed_cidrs", List.of("127.0.0.0/8", "::1/128"),
                        "secret_headers", Map.of("Authorization", CRM_SECRET))));
        UPSTREAM.stubFor(get(urlEqualTo("/" + prefix + "/crm/customers/42"))
                .withHeader("Authorization", equalTo(CRM_SECRET))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": 42, \"name\": \"Ada Lovelace\"}")));
    }

    @Test
    void theModelCallsTheToolOverTwoTurnsAndTheGatewayAnswersWithItsFinalMessage() {
        String agent = agent(Map.of("max_steps", 4));
        stubModel(Scenario.STARTED, "looked-up", toolCall(crmBase() + "customers/42"));
        stubModel("looked-up", null, answer("Customer 42 is Ada Lovelace."));

        WebTestClient.ResponseSpec response = chat(agent, Map.of());

        JsonNode body = response.expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-agent-status", "completed")
                .expectHeader().valueEquals("x-switchboard-extra-tokens", "70")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(body.path("choices").get(0).path("message").path("content").asString())
                .isEqualTo("Customer 42 is Ada Lovelace.");
        assertThat(body.path("agent_run").path("status").asString()).isEqualTo("completed");
        assertThat(body.path("agent_run").path("steps").asInt()).isEqualTo(2);
        assertThat(body.path("agent_run").path("tool_calls").asInt()).isEqualTo(1);
        assertThat(body.path("usage").path("total_tokens").asInt()).as("the answer's own usage").isEqualTo(90);
        UPSTREAM.verify(1, getRequestedFor(urlEqualTo("/" + prefix + "/crm/customers/42")));

        List<LoggedRequest> turns = UPSTREAM.findAll(postRequestedFor(urlEqualTo("/" + prefix
                + "/v1/chat/completions")));
        assertThat(turns).hasSize(2).allSatisfy(turn -> assertThat(turn.getBodyAsString()).doesNotContain("CANARY"));
        JsonNode first = JSON.readTree(turns.get(0).getBodyAsString());
        assertThat(first.path("messages").get(0).path("role").asString()).isEqualTo("system");
        assertThat(first.path("messages").get(0).path("content").asString()).isEqualTo("Look customers up.");
        assertThat(first.path("tools")).hasSize(1);
        assertThat(first.path("tools").get(0).path("function").path("name").asString()).isEqualTo(tool);
        JsonNode result = JSON.readTree(turns.get(1).getBodyAsString()).path("messages").get(3);
        assertThat(result.path("role").asString()).isEqualTo("tool");
        assertThat(result.path("tool_call_id").asString()).isEqualTo("call_crm");
        assertThat(JSON.readTree(result.path("content").asString()).path("tool_output").path("data").path("body")
                .path("name").asString()).isEqualTo("Ada Lovelace");
    }

    @Test
    void theOpenAiSdkReadsAnAgentsAnswerUnchanged() {
        String agent = agent(Map.of());
        stubModel(Scenario.STARTED, "looked-up", toolCall(crmBase() + "customers/42"));
        stubModel("looked-up", null, answer("Customer 42 is Ada Lovelace."));
        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl("http://localhost:" + port + "/v1").apiKey(key)
                .maxRetries(0).timeout(Duration.ofSeconds(20)).build();

        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("agent:" + agent).addUserMessage("Who is customer 42?").build());

        assertThat(completion.choices().get(0).message().content()).hasValue("Customer 42 is Ada Lovelace.");
    }

    @Test
    void aRunOutOfStepsStopsWithAClearStatusAndDoesNotRunTheToolItWouldNeverRead() {
        String agent = agent(Map.of("max_steps", 1));
        stubModel(null, null, toolCall(crmBase() + "customers/42"));

        JsonNode body = chat(agent, Map.of()).expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-agent-status", "max_steps")
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(body.path("choices").get(0).path("finish_reason").asString()).isEqualTo("length");
        assertThat(body.path("agent_run").path("status").asString()).isEqualTo("max_steps");
        UPSTREAM.verify(0, getRequestedFor(urlEqualTo("/" + prefix + "/crm/customers/42")));
    }

    @Test
    void aRunOutOfTimeStopsWithAClearStatus() {
        String agent = agent(Map.of("timeout_seconds", 1));
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withFixedDelay(3_000).withHeader("Content-Type", "application/json")
                .withBody(answer("too late"))));

        long started = System.nanoTime();
        JsonNode body = chat(agent, Map.of()).expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-agent-status", "timeout")
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(body.path("agent_run").path("status").asString()).isEqualTo("timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void aRunWhoseModelFailsMidwayStillCountsTheStepItPaidFor() {
        String agent = agent(Map.of("max_steps", 4));
        stubModel(Scenario.STARTED, "looked-up", toolCall(crmBase() + "customers/42"));
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).inScenario(prefix)
                .whenScenarioStateIs("looked-up").willReturn(aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\"}}")));

        int status = chat(agent, Map.of()).returnResult(String.class).getStatus().value();

        assertThat(status).isGreaterThanOrEqualTo(400);
        // The first step's 50 + 20 tokens were spent: the failed request's row still counts them.
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT input_tokens, output_tokens, status FROM usage_ledger WHERE agent = ?"
                        + " AND operation = 'invoke_agent'", agent)).singleElement().satisfies(row -> {
                    assertThat(row.get("input_tokens")).isEqualTo(50L);
                    assertThat(row.get("output_tokens")).isEqualTo(20L);
                    assertThat(((Number) row.get("status")).intValue()).isEqualTo(status);
                }));
    }

    @Test
    void everyStepReservesFromTheKeysBudgetAndAStepThatDoesNotFitEndsTheRunWithInsufficientQuota() {
        String agent = agent(Map.of("max_steps", 4));
        // A step's worst case is about $0.00246 (no max_tokens: 4,096 output tokens at $0.60/M). The request's
        // reservation covers step one; step two needs its own, and $0.004 cannot hold both at once.
        fixtures.post("/admin/v1/budgets", Map.of("name", prefix + "-b", "scope_type", "key",
                "scope", keyName, "period", "daily", "limit_usd", 0.004));
        stubModel(Scenario.STARTED, "looked-up", toolCall(crmBase() + "customers/42"));
        stubModel("looked-up", null, answer("Customer 42 is Ada Lovelace."));

        chat(agent, Map.of()).expectStatus().isEqualTo(429).expectBody()
                .jsonPath("$.error.type").isEqualTo("insufficient_quota");

        UPSTREAM.verify(1, postRequestedFor(urlEqualTo("/" + prefix + "/v1/chat/completions")));
        // Step one (50 x $0.15/M + 20 x $0.60/M) was paid for: the budget and the ledger row count it.
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                budget().path("spent_usd").decimalValue()).isEqualByComparingTo("0.0000195"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT input_tokens, status FROM usage_ledger WHERE agent = ? AND operation = 'invoke_agent'",
                agent)).singleElement().satisfies(row -> {
                    assertThat(row.get("input_tokens")).isEqualTo(50L);
                    assertThat(((Number) row.get("status")).intValue()).isEqualTo(429);
                }));
    }

    @Test
    void aBudgetCountsEveryStepOfARunOnceNeitherMoreNorLess() {
        String agent = agent(Map.of("max_steps", 4));
        fixtures.post("/admin/v1/budgets", Map.of("name", prefix + "-b", "scope_type", "key",
                "scope", keyName, "period", "daily", "limit_usd", 1));
        stubModel(Scenario.STARTED, "looked-up", toolCall(crmBase() + "customers/42"));
        stubModel("looked-up", null, answer("Customer 42 is Ada Lovelace."));

        chat(agent, Map.of()).expectStatus().isOk();

        // $0.0000195 for step one, settled with the request; 80 x $0.15/M + 10 x $0.60/M = $0.000018 for step two,
        // settled by the step itself.
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                budget().path("spent_usd").decimalValue()).isEqualByComparingTo("0.0000375"));
    }

    @Test
    void clientToolsOrSeveralChoicesAreRefusedBeforeAnyUpstreamCall() {
        String agent = agent(Map.of());
        Map<String, Object> clientTool = Map.of("type", "function", "function", Map.of("name", "mine",
                "parameters", Map.of("type", "object")));

        for (Map.Entry<String, Object> field : List.of(Map.entry("tools", (Object) List.of(clientTool)),
                Map.entry("tool_choice", (Object) "auto"), Map.entry("parallel_tool_calls", (Object) true),
                Map.entry("n", (Object) 2))) {
            JsonNode error = chat(agent, Map.of(field.getKey(), field.getValue())).expectStatus().isBadRequest()
                    .expectBody(JsonNode.class).returnResult().getResponseBody().path("error");
            assertThat(error.path("param").asString()).as(field.getKey()).isEqualTo(field.getKey());
            assertThat(error.path("code").asString()).isEqualTo("unsupported_for_agents");
        }
        assertThat(UPSTREAM.findAll(anyRequestedFor(urlPathMatching("/" + prefix + "/.*")))).isEmpty();
    }

    private JsonNode budget() {
        return http.get().uri("/admin/v1/budgets/" + prefix + "-b").header("Authorization", "Bearer " + ADMIN_KEY)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** An agent granted the CRM tool, with a key that may use it; returns its name. */
    private String agent(Map<String, Object> limits) {
        String name = prefix + "-support";
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "model", prefix + "-m",
                "instructions", "Look customers up.", "tools", List.of(tool)));
        body.putAll(limits);
        fixtures.post("/admin/v1/agents", body);
        keyName = unique("k");
        key = fixtures.post("/admin/v1/keys", Map.of("name", keyName, "allowed_models",
                List.of("agent:" + name))).path("key").asString();
        return name;
    }

    private WebTestClient.ResponseSpec chat(String agent, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("model", "agent:" + agent,
                "messages", List.of(Map.of("role", "user", "content", "Who is customer 42?"))));
        body.putAll(extra);
        return http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** The model's answer in the scenario's {@code state} (any state when null), moving it to {@code next}. */
    private void stubModel(String state, String next, String completion) {
        var answer = aResponse().withHeader("Content-Type", "application/json").withBody(completion);
        if (state == null) {
            UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(answer));
            return;
        }
        ScenarioMappingBuilder stub = post(urlEqualTo("/" + prefix + "/v1/chat/completions")).inScenario(prefix)
                .whenScenarioStateIs(state);
        UPSTREAM.stubFor((next == null ? stub : stub.willSetStateTo(next)).willReturn(answer));
    }

    private String toolCall(String url) {
        return """
                {"id":"chatcmpl-t","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
                 {"id":"call_crm","type":"function","function":{"name":"%s","arguments":"{\\"url\\":\\"%s\\"}"}}]},
                 "logprobs":null,"finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":50,"completion_tokens":20,"total_tokens":70}}
                """.formatted(tool, url);
    }

    private static String answer(String text) {
        return """
                {"id":"chatcmpl-a","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},
                 "logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":80,"completion_tokens":10,"total_tokens":90}}
                """.formatted(text);
    }

    private String crmBase() {
        return "http://localhost:" + UPSTREAM.port() + "/" + prefix + "/crm/";
    }
}
