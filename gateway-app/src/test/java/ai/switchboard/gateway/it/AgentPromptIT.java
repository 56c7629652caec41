package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An agent whose instructions are a prompt template: each run renders the version the label names at that moment,
 * a label move (and its rollback) changes what the next run sends, the ledger row names the version used, and the
 * prompt, or the label the agent names, cannot be removed from under it.
 */
class AgentPromptIT extends GatewayIT {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Autowired
    JdbcTemplate jdbc;

    private String prefix;
    private String prompt;
    private String agent;
    private String key;

    @BeforeEach
    void agentWithAPrompt() {
        prefix = unique("agent-prompt");
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        fixtures.model(prefix + "-m", prefix + "-p", "gpt-4o-mini", "chat", "tools");
        prompt = prefix + "-instructions";
        fixtures.post("/admin/v1/prompts", Map.of("name", prompt, "template", Map.of("messages", List.of(
                Map.of("role", "system", "content", "You are {{agent}}. Answer: {{input}}")))));
        fixtures.post("/admin/v1/prompts/" + prompt + "/versions",
                Map.of("template", Map.of("text", "Version two for {{agent}}."), "labels", List.of("staging")));
        agent = prefix + "-a";
        JsonNode created = fixtures.post("/admin/v1/agents", Map.of("name", agent, "model", prefix + "-m",
                "instructions", Map.of("prompt", prompt)));
        assertThat(created.path("instructions").toString()).isEqualTo("{\"prompt\":\"" + prompt + "\"}");
        key = fixtures.post("/admin/v1/keys", Map.of("name", unique("k"), "allowed_models",
                List.of("agent:" + agent))).path("key").asString();
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"chatcmpl-a","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"Done."},
                         "logprobs":null,"finish_reason":"stop"}],
                         "usage":{"prompt_tokens":8,"completion_tokens":2,"total_tokens":10}}""")));
    }

    @Test
    void eachRunRendersTheLabelledVersionAndTheLedgerNamesIt() {
        String first = run();
        assertThat(systemMessageOf(0)).isEqualTo("You are " + agent + ". Answer: What changed?");

        fixtures.patch("/admin/v1/prompts/" + prompt, Map.of("labels", Map.of("production", 2)))
                .expectStatus().isOk();
        String second = run();
        assertThat(systemMessageOf(1)).isEqualTo("Version two for " + agent + ".");

        fixtures.patch("/admin/v1/prompts/" + prompt, Map.of("labels", Map.of("production", 1)))
                .expectStatus().isOk();
        run();
        assertThat(systemMessageOf(2)).startsWith("You are ");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT request_id, prompt_name, prompt_version FROM usage_ledger WHERE request_id IN (?, ?)",
                first, second)).containsExactlyInAnyOrder(
                        Map.of("request_id", first, "prompt_name", prompt, "prompt_version", 1),
                        Map.of("request_id", second, "prompt_name", prompt, "prompt_version", 2)));
    }

    @Test
    void thePromptAndTheLabelAnAgentNamesCannotBeRemoved() {
        http.delete().uri("/admin/v1/prompts/" + prompt).header("Authorization", "Bearer " + ADMIN_KEY).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("agent '" + agent + "'"));
        http.patch().uri("/admin/v1/prompts/" + prompt).header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"labels\":{\"production\":null}}").exchange()
                .expectStatus().isEqualTo(409);
        // A label the agent does not name may go.
        http.patch().uri("/admin/v1/prompts/" + prompt).header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"labels\":{\"staging\":null}}").exchange()
                .expectStatus().isOk();
        // Once the agent is back on inline text, the prompt can be deleted.
        fixtures.patch("/admin/v1/agents/" + agent, Map.of("instructions", "Inline now.")).expectStatus().isOk();
        http.delete().uri("/admin/v1/prompts/" + prompt).header("Authorization", "Bearer " + ADMIN_KEY).exchange()
                .expectStatus().isNoContent();
    }

    @Test
    void aReferenceToAMissingPromptLabelOrVersionIsRefused() {
        for (Map.Entry<Object, String> bad : Map.<Object, String>of(
                Map.of("prompt", "no-such-prompt"), "instructions.prompt",
                Map.of("prompt", prompt, "label", "canary"), "instructions.label",
                Map.of("prompt", prompt, "version", 3), "instructions.version",
                Map.of("prompt", prompt, "label", "production", "version", 1), "instructions").entrySet()) {
            http.patch().uri("/admin/v1/agents/" + agent).header("Authorization", "Bearer " + ADMIN_KEY)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("instructions", bad.getKey()))
                    .exchange().expectStatus().isBadRequest().expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo(bad.getValue());
        }
        fixtures.patch("/admin/v1/agents/" + agent, Map.of("instructions", Map.of("prompt", prompt, "version", 2)))
                .expectStatus().isOk().expectBody().jsonPath("$.instructions.version").isEqualTo(2);
    }

    private String run() {
        return http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("model", "agent:" + agent,
                        "messages", List.of(Map.of("role", "user", "content", "What changed?"))))
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseHeaders()
                .getFirst("x-request-id");
    }

    private String systemMessageOf(int call) {
        List<LoggedRequest> calls = UPSTREAM.findAll(postRequestedFor(urlEqualTo("/" + prefix
                + "/v1/chat/completions")));
        JsonNode first = JSON.readTree(calls.get(call).getBodyAsString()).path("messages").get(0);
        assertThat(first.path("role").asString()).isEqualTo("system");
        return first.path("content").asString();
    }
}
