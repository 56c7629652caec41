package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.agent.schedule.AgentScheduleTicker;
import ai.switchboard.gateway.agent.schedule.AgentSchedulesProperties;
import ai.switchboard.gateway.agent.schedule.JdbcAgentSchedules;
import ai.switchboard.gateway.agent.schedule.ScheduleFiring;
import ai.switchboard.gateway.agent.schedule.ScheduledRuns;
import ai.switchboard.gateway.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Agent schedules: two replicas (two tickers on one database, each on its own thread, at the same instant of a
 * movable clock) fire each tick exactly once; a firing starts a real stored run as the schedule's key; a firing that
 * cannot start a run says why on the schedule.
 */
class AgentSchedulesIT extends GatewayIT {

    /** Daily at an odd time, so the application's own ticker (real clock) never reaches the ticks under test. */
    private static final String DAILY = "0 17 3 * * *";

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    ScheduledRuns scheduledRuns;

    private String prefix;
    private String agent;

    @BeforeEach
    void agentAndKey() {
        prefix = unique("schedules");
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        fixtures.model(prefix + "-m", prefix + "-p", "gpt-4o-mini", "chat");
        agent = prefix + "-a";
        fixtures.post("/admin/v1/agents", Map.of("name", agent, "model", prefix + "-m"));
        fixtures.key(prefix + "-k", "agent:" + agent);
    }

    @Test
    void twoReplicasFireEachTickExactlyOnce() throws Exception {
        JsonNode schedule = schedule();
        UUID id = UUID.fromString(schedule.path("id").asString());
        MovableClock clock = new MovableClock(Instant.parse(schedule.path("next_fire_at").asString()));
        Queue<String> fired = new ConcurrentLinkedQueue<>();
        AgentScheduleTicker a = ticker(clock, recording("a", id, fired));
        AgentScheduleTicker b = ticker(clock, recording("b", id, fired));

        for (int tick = 1; tick <= 5; tick++) {
            bothAtOnce(a, b);
            assertThat(fired).as("firings after tick " + tick).hasSize(tick);
            bothAtOnce(a, b);
            assertThat(fired).as("the same instant again fires nothing").hasSize(tick);
            clock.advance(Duration.ofDays(1));
        }
        assertThat(fired).allMatch(name -> name.equals("a") || name.equals("b"));
    }

    @Test
    void aFiringStartsAStoredRunAsTheSchedulesKey() {
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"chatcmpl-s","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"All quiet."},
                         "finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}
                        """)));
        JsonNode schedule = schedule();
        MovableClock clock = new MovableClock(Instant.parse(schedule.path("next_fire_at").asString()));

        assertThat(ticker(clock, scheduledRuns).tick()).isGreaterThanOrEqualTo(1);

        JsonNode after = adminGet("/admin/v1/agent-schedules/" + schedule.path("id").asString());
        String runId = after.path("last_run_id").asString();
        assertThat(runId).startsWith("run_");
        assertThat(after.path("last_error").isNull() || after.path("last_error").isMissingNode()).isTrue();
        assertThat(Instant.parse(after.path("next_fire_at").asString()))
                .isEqualTo(clock.instant().plus(Duration.ofDays(1)));
        JsonNode run = awaitEnd(runId);
        assertThat(run.path("status").asString()).isEqualTo("completed");
        assertThat(run.path("agent").asString()).isEqualTo(agent);
        assertThat(run.path("answer").path("choices").get(0).path("message").path("content").asString())
                .isEqualTo("All quiet.");
    }

    @Test
    void aFiringThatCannotStartARunSaysWhyOnTheSchedule() {
        JsonNode schedule = schedule();
        fixtures.delete("/admin/v1/agents/" + agent).expectStatus().isNoContent();
        MovableClock clock = new MovableClock(Instant.parse(schedule.path("next_fire_at").asString()));

        ticker(clock, scheduledRuns).tick();

        JsonNode after = adminGet("/admin/v1/agent-schedules/" + schedule.path("id").asString());
        assertThat(after.path("last_run_id").isNull()).isTrue();
        assertThat(after.path("last_error").asString()).contains(agent);
    }

    @Test
    void theFileDeclaresSchedulesAndTheExportAppliesAsIs() {
        String file = """
                agent_schedules:
                  - name: %1$s-filed
                    agent: %2$s
                    cron: "0 30 6 * * MON-FRI"
                    input: {messages: [{role: user, content: Summarise yesterday.}], temperature: 0.2}
                    run_as: %1$s-k
                    enabled: false
                """.formatted(prefix, agent);

        assertThat(apply(file).path("sections").path("agent_schedules").path("created").asInt()).isEqualTo(1);
        assertThat(apply(file).path("changed").asBoolean()).isFalse();
        JsonNode filed = adminGet("/admin/v1/agent-schedules/" + prefix + "-filed");
        assertThat(filed.path("enabled").asBoolean()).isFalse();
        assertThat(filed.path("next_fire_at").isNull()).as("a disabled schedule never fires").isTrue();
        assertThat(filed.path("input").path("temperature").asDouble()).isEqualTo(0.2);

        String exported = http.get().uri("/admin/v1/config").header("Authorization", "Bearer " + ADMIN_KEY)
                .accept(MediaType.parseMediaType("application/yaml")).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(exported).contains(prefix + "-filed").contains("0 30 6 * * MON-FRI");
        assertThat(apply(exported).path("changed").asBoolean()).isFalse();

        assertThat(apply(file.replace("enabled: false", "enabled: true")).path("sections").path("agent_schedules")
                .path("updated").asInt()).isEqualTo(1);
        assertThat(adminGet("/admin/v1/agent-schedules/" + prefix + "-filed").path("next_fire_at").isNull())
                .isFalse();
    }

    private JsonNode apply(String yaml) {
        var result = http.post().uri("/admin/v1/config:apply").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.parseMediaType("application/yaml")).bodyValue(yaml).exchange()
                .expectBody(JsonNode.class).returnResult();
        assertThat(result.getStatus().value()).as(String.valueOf(result.getResponseBody())).isEqualTo(200);
        return result.getResponseBody();
    }

    private JsonNode schedule() {
        return fixtures.post("/admin/v1/agent-schedules", Map.of("name", prefix + "-s", "agent", agent,
                "cron", DAILY, "input", Map.of("messages", List.of(Map.of("role", "user", "content", "Report."))),
                "run_as", prefix + "-k"));
    }

    private AgentScheduleTicker ticker(MovableClock clock, ScheduleFiring firing) {
        return new AgentScheduleTicker(new JdbcAgentSchedules(jdbcTemplate), firing, clock,
                new AgentSchedulesProperties());
    }

    /** Records which replica fired this test's schedule; other tests' schedules due at the same instant are skipped. */
    private static ScheduleFiring recording(String replica, UUID id, Queue<String> fired) {
        return due -> {
            if (due.id().equals(id)) {
                fired.add(replica);
            }
            return "run_" + replica;
        };
    }

    private static void bothAtOnce(AgentScheduleTicker a, AgentScheduleTicker b) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        // Two threads of its own: the common pool may have one on a small machine, and the barrier needs both.
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> await(start, a), replicas);
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> await(start, b), replicas);
            CompletableFuture.allOf(first, second).get(30, TimeUnit.SECONDS);
        } finally {
            replicas.shutdownNow();
        }
    }

    private static int await(CyclicBarrier start, AgentScheduleTicker ticker) {
        try {
            start.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return ticker.tick();
    }

    private JsonNode adminGet(String path) {
        return http.get().uri(path).header("Authorization", "Bearer " + ADMIN_KEY).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode awaitEnd(String runId) {
        String key = ADMIN_KEY;
        // Reading the run's events returns once it has ended.
        http.get().uri("/v1/agents/runs/{id}/events", runId).header("Authorization", "Bearer " + key).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        return http.get().uri("/v1/agents/runs/{id}", runId).header("Authorization", "Bearer " + key).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
