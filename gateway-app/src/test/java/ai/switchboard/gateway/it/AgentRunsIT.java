package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.agent.run.AgentRunSweeper;
import ai.switchboard.observability.ToolCallObservations;
import ai.switchboard.registry.testsupport.TestDatabase;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Stored runs ({@code /v1/agents/{name}/runs}): started with 202 and an id, read with every step, streamed as
 * events, cancelled; only the key that started a run (or an admin) sees it; every limit ends a run with its status;
 * a run cut by a gateway's shutdown, or by its crash, is {@code interrupted}, never left running.
 */
class AgentRunsIT extends GatewayIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    MeterRegistry meters;

    @Autowired
    AgentRunSweeper sweeper;

    private String prefix;
    private String tool;
    private String key;
    private UUID keyId;

    @BeforeEach
    void names() {
        prefix = unique("agent-runs");
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        fixtures.model(prefix + "-m", prefix + "-p", "gpt-4o-mini", "chat", "tools");
        tool = prefix + "-crm";
        fixtures.post("/admin/v1/tools", Map.of("name", tool, "type", "http", "description", "Reads a customer",
                "config", Map.of("targets", List.of(crmBase()), "allowed_cidrs", List.of("127.0.0.0/8", "::1/128"))));
        UPSTREAM.stubFor(get(urlEqualTo("/" + prefix + "/crm/customers/42")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"id\": 42, \"name\": \"Ada\"}")));
    }

    @Test
    void aRunIsStartedStoredWithEveryStepAndReplayedAsEvents() {
        String agent = agent(Map.of());
        stubModel(Scenario.STARTED, "looked-up", toolCall());
        stubModel("looked-up", null, answer("Customer 42 is Ada."));

        JsonNode started = start(http, agent, key).expectStatus().isAccepted()
                .expectHeader().valueMatches("Location", "/v1/agents/runs/run_[0-9a-f]{32}")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String id = started.path("id").asString();
        assertThat(started.path("status").asString()).isEqualTo("running");

        JsonNode run = awaitEnd(http, id, key);
        assertThat(run.path("status").asString()).isEqualTo("completed");
        assertThat(run.path("answer").path("choices").get(0).path("message").path("content").asString())
                .isEqualTo("Customer 42 is Ada.");
        JsonNode steps = run.path("steps");
        assertThat(steps).hasSize(3);
        assertThat(steps.get(0).path("type").asString()).isEqualTo("model_call");
        assertThat(steps.get(0).path("usage").path("prompt_tokens").asInt()).isEqualTo(50);
        assertThat(steps.get(0).path("cost_usd").decimalValue()).isEqualByComparingTo("0.0000195");
        assertThat(steps.get(0).has("latency_ms")).isTrue();
        assertThat(steps.get(1).path("type").asString()).isEqualTo("tool_call");
        assertThat(steps.get(1).path("tool").asString()).isEqualTo(tool);
        assertThat(steps.get(1).path("arguments").asString()).contains("customers/42");
        assertThat(steps.get(1).path("result").path("tool_output").path("data").path("body").path("name").asString())
                .isEqualTo("Ada");
        assertThat(steps.get(2).path("status").asString()).isEqualTo("stop");

        String events = http.get().uri("/v1/agents/runs/{id}/events", id).header("Authorization", "Bearer " + key)
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(events.split("event:step", -1)).hasSize(4);
        assertThat(events).contains("event:run").contains("\"status\":\"completed\"");

        // Metered: the run's ledger row names the agent and the run, under the GenAI operation invoke_agent, with
        // every step's tokens; the tool call is an execute_tool row of its own, and a measurement.
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbcTemplate.queryForList(
                "SELECT operation, agent, input_tokens, output_tokens, key_id FROM usage_ledger WHERE agent_run_id = ?"
                        + " AND operation = 'invoke_agent'", id)).singleElement().satisfies(row -> {
                    assertThat(row.get("operation")).isEqualTo("invoke_agent");
                    assertThat(row.get("agent")).isEqualTo(agent);
                    assertThat(row.get("input_tokens")).isEqualTo(130L);
                    assertThat(row.get("output_tokens")).isEqualTo(30L);
                    assertThat(row.get("key_id")).isEqualTo(keyId);
                }));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbcTemplate.queryForList(
                "SELECT tool_name, status, key_id FROM usage_ledger WHERE agent_run_id = ?"
                        + " AND operation = 'execute_tool'", id)).singleElement().satisfies(row -> {
                    assertThat(row.get("tool_name")).isEqualTo(tool);
                    assertThat(row.get("status")).isEqualTo(200);
                    assertThat(row.get("key_id")).isEqualTo(keyId);
                }));
        assertThat(meters.find(ToolCallObservations.TOOL_CALL_DURATION).tag("gen_ai.agent.name", agent)
                .tag("gen_ai.tool.name", tool).tag("error.type", "none").timer().count()).isEqualTo(1);
    }

    @Test
    void onlyTheStartingKeyOrAnAdminSeesOrCancelsARun() {
        String agent = agent(Map.of());
        stubModel(null, null, answer("Hello."));
        String id = start(http, agent, key).expectStatus().isAccepted().expectBody(JsonNode.class).returnResult()
                .getResponseBody().path("id").asString();
        awaitEnd(http, id, key);
        String stranger = fixtures.post("/admin/v1/keys", Map.of("name", unique("k"), "allowed_models",
                List.of("agent:" + agent))).path("key").asString();

        for (String path : List.of("/v1/agents/runs/{id}", "/v1/agents/runs/{id}/events")) {
            JsonNode error = http.get().uri(path, id).header("Authorization", "Bearer " + stranger).exchange()
                    .expectStatus().isNotFound().expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(error.path("error").path("code").asString()).isEqualTo("run_not_found");
        }
        http.post().uri("/v1/agents/runs/{id}/cancel", id).header("Authorization", "Bearer " + stranger).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/v1/agents/runs/{id}", "run_" + "0".repeat(32)).header("Authorization", "Bearer " + key)
                .exchange().expectStatus().isNotFound();
        http.get().uri("/v1/agents/runs/{id}", id).header("Authorization", "Bearer " + ADMIN_KEY).exchange()
                .expectStatus().isOk();
    }

    @Test
    void badInputAndAgentsTheKeyMayNotUseAreRefusedAndNothingIsStored() {
        String agent = agent(Map.of());
        String other = fixtures.post("/admin/v1/keys", Map.of("name", unique("k"), "allowed_models", List.of("*")))
                .path("key").asString();

        start(http, agent, other).expectStatus().isNotFound();
        start(http, prefix + "-nobody", key).expectStatus().isNotFound();
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("messages", List.of()),
                Map.of("messages", "hi"), Map.of("messages", List.of(Map.of("role", "user", "content", "x")),
                        "stream", true),
                Map.of("messages", List.of(Map.of("role", "user", "content", "x")), "model", "other"),
                Map.of("messages", List.of(Map.of("role", "user", "content", "x")), "tools", List.of()))) {
            http.post().uri("/v1/agents/{name}/runs", agent).header("Authorization", "Bearer " + key)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(bad).exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.error.type").isEqualTo("invalid_request_error");
        }
        http.post().uri("/v1/agents/{name}/runs", agent).header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"messages\": [").exchange()
                .expectStatus().isBadRequest();
        assertThat(UPSTREAM.findAll(postRequestedFor(urlEqualTo("/" + prefix + "/v1/chat/completions")))).isEmpty();
    }

    @Test
    void cancellingARunStopsItsModelCallAndSaysCancelled() {
        String agent = agent(Map.of("timeout_seconds", 60));
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withFixedDelay(15_000).withHeader("Content-Type", "application/json").withBody(answer("late"))));
        String id = start(http, agent, key).expectStatus().isAccepted().expectBody(JsonNode.class).returnResult()
                .getResponseBody().path("id").asString();

        long before = System.nanoTime();
        JsonNode cancelled = http.post().uri("/v1/agents/runs/{id}/cancel", id)
                .header("Authorization", "Bearer " + key).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(cancelled.path("status").asString()).isEqualTo("cancelled");
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(10));
        assertThat(awaitEnd(http, id, key).path("status").asString()).isEqualTo("cancelled");
    }

    @Test
    void everyLimitEndsARunWithItsStatus() {
        stubModel(null, null, toolCall());
        assertThat(runToEnd(Map.of("max_steps", 1)).path("status").asString()).isEqualTo("max_steps");
        assertThat(runToEnd(Map.of("max_steps", 10, "max_cost_usd", 0.00001)).path("status").asString())
                .isEqualTo("max_cost");

        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withFixedDelay(5_000).withHeader("Content-Type", "application/json").withBody(answer("late"))));
        assertThat(runToEnd(Map.of("timeout_seconds", 1)).path("status").asString()).isEqualTo("timeout");

        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\"}}")));
        JsonNode failed = runToEnd(Map.of());
        assertThat(failed.path("status").asString()).isEqualTo("failed");
        assertThat(failed.path("error").asString()).isNotBlank();
    }

    @Test
    void anAnswerThatBreaksItsSchemaAfterARepairStepFailsTheRun() {
        stubModel(null, null, answer("Customer 42 is Ada."));

        JsonNode run = runToEnd(Map.of("response_format", Map.of("type", "object", "required", List.of("name"))));

        assertThat(run.path("status").asString()).isEqualTo("failed");
        assertThat(run.path("steps")).as("the answer, then the one repair step").hasSize(2);
        assertThat(UPSTREAM.findAll(postRequestedFor(urlEqualTo("/" + prefix + "/v1/chat/completions"))).get(1)
                .getBodyAsString()).contains("does not match the required JSON schema");
    }

    @Test
    void runsCutByAShutdownOrACrashAreInterruptedNeverLeftRunningAndCancelsReachAnyReplica() throws SQLException {
        String agent = agent(Map.of("timeout_seconds", 120));
        String crashed = "run_" + UUID.randomUUID().toString().replace("-", "");
        insertRunOfADeadReplica(crashed, agent);
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withFixedDelay(60_000).withHeader("Content-Type", "application/json").withBody(answer("late"))));

        String id;
        try (GatewayInstance replica = GatewayInstance.start("switchboard.agents.runs.heartbeat-interval=500ms")) {
            assertThat(awaitEnd(http, crashed, ADMIN_KEY).path("status").asString())
                    .as("a crashed replica's run, found stale at start-up").isEqualTo("interrupted");

            // A cancel sent to another replica reaches the one running the run through its next heartbeat.
            String elsewhere = start(replica.http, agent, key).expectStatus().isAccepted().expectBody(JsonNode.class)
                    .returnResult().getResponseBody().path("id").asString();
            http.post().uri("/v1/agents/runs/{id}/cancel", elsewhere).header("Authorization", "Bearer " + key)
                    .exchange().expectStatus().isOk();
            assertThat(awaitEnd(http, elsewhere, key).path("status").asString()).isEqualTo("cancelled");

            id = start(replica.http, agent, key).expectStatus().isAccepted().expectBody(JsonNode.class)
                    .returnResult().getResponseBody().path("id").asString();
            assertThat(read(http, id, key).path("status").asString()).isEqualTo("running");
        }

        JsonNode interrupted = read(http, id, key);
        assertThat(interrupted.path("status").asString()).isEqualTo("interrupted");
        assertThat(interrupted.has("finished_at")).isTrue();
    }

    @Test
    void endedRunsPastTheirRetentionAreDeletedWithTheirStepsAndRunningOnesAreKept() {
        String agent = agent(Map.of());
        String old = "run_" + UUID.randomUUID().toString().replace("-", "");
        String oldButRunning = "run_" + UUID.randomUUID().toString().replace("-", "");
        Instant longAgo = Instant.now().minus(Duration.ofDays(8));
        insertRun(old, agent, "completed", longAgo, longAgo);
        insertRun(oldButRunning, agent, "running", longAgo, Instant.now());
        jdbcTemplate.update("INSERT INTO agent_run_steps (run_id, seq, step, created_at) VALUES (?, 1, '{}', ?)", old,
                Timestamp.from(longAgo));

        sweeper.sweep();

        assertThat(jdbcTemplate.queryForObject("SELECT count(*) FROM agent_runs WHERE id = ?", Integer.class, old))
                .isZero();
        assertThat(jdbcTemplate.queryForObject("SELECT count(*) FROM agent_run_steps WHERE run_id = ?",
                Integer.class, old)).isZero();
        assertThat(read(http, oldButRunning, ADMIN_KEY).path("status").asString()).isEqualTo("running");
        jdbcTemplate.update("UPDATE agent_runs SET status = 'failed' WHERE id = ?", oldButRunning);
    }

    private void insertRun(String id, String agent, String status, Instant created, Instant heartbeat) {
        jdbcTemplate.update("""
                INSERT INTO agent_runs (id, agent, key_id, status, input, replica, created_at, heartbeat_at)
                VALUES (?, ?, ?, ?, '{}'::jsonb, 'elsewhere', ?, ?)""", id, agent, keyId, status,
                Timestamp.from(created), Timestamp.from(heartbeat));
    }

    private JsonNode runToEnd(Map<String, Object> limits) {
        String agent = agent(limits);
        String id = start(http, agent, key).expectStatus().isAccepted().expectBody(JsonNode.class).returnResult()
                .getResponseBody().path("id").asString();
        return awaitEnd(http, id, key);
    }

    private void insertRunOfADeadReplica(String id, String agent) throws SQLException {
        Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofHours(2)));
        try (Connection connection = DriverManager.getConnection(TestDatabase.jdbcUrl(), TestDatabase.username(),
                TestDatabase.password());
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO agent_runs (id, agent, key_id, status, input, replica, created_at, heartbeat_at)
                        VALUES (?, ?, ?, 'running', '{}'::jsonb, 'a-dead-replica', ?, ?)""")) {
            insert.setString(1, id);
            insert.setString(2, agent);
            insert.setObject(3, keyId);
            insert.setTimestamp(4, longAgo);
            insert.setTimestamp(5, longAgo);
            insert.executeUpdate();
        }
    }

    private JsonNode awaitEnd(WebTestClient client, String id, String as) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode run = read(client, id, as);
        while ("running".equals(run.path("status").asString()) && System.nanoTime() < deadline) {
            // Reading the run's events waits for its end without polling.
            client.get().uri("/v1/agents/runs/{id}/events", id).header("Authorization", "Bearer " + as).exchange()
                    .expectBody(String.class).returnResult();
            run = read(client, id, as);
        }
        return run;
    }

    private static JsonNode read(WebTestClient client, String id, String as) {
        return client.get().uri("/v1/agents/runs/{id}", id).header("Authorization", "Bearer " + as).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static WebTestClient.ResponseSpec start(WebTestClient client, String agent, String as) {
        return client.post().uri("/v1/agents/{name}/runs", agent).header("Authorization", "Bearer " + as)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("messages", List.of(Map.of("role", "user", "content", "Who is customer 42?"))))
                .exchange();
    }

    private String agent(Map<String, Object> limits) {
        String name = unique(prefix + "-a");
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "model", prefix + "-m",
                "instructions", "Look customers up.", "tools", List.of(tool)));
        body.putAll(limits);
        fixtures.post("/admin/v1/agents", body);
        JsonNode created = fixtures.post("/admin/v1/keys", Map.of("name", unique("k"), "allowed_models",
                List.of("agent:" + name)));
        key = created.path("key").asString();
        keyId = UUID.fromString(created.path("id").asString());
        return name;
    }

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

    private String toolCall() {
        return """
                {"id":"chatcmpl-t","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
                 {"id":"call_crm","type":"function","function":{"name":"%s","arguments":"{\\"url\\":\\"%s\\"}"}}]},
                 "logprobs":null,"finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":50,"completion_tokens":20,"total_tokens":70}}
                """.formatted(tool, crmBase() + "customers/42");
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
