package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * {@code "model": "agent:<name>"} on the inference API: a key uses an agent only if its allow-list names it ("*" does
 * not), and agents run through chat completions only (the other APIs answer a clear 400); nothing reaches an
 * upstream when the gateway refuses.
 */
class AgentModelAccessIT extends GatewayIT {

    private String prefix;
    private String agent;

    @BeforeEach
    void agent() {
        prefix = unique("agent-access");
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        fixtures.model(prefix + "-m", prefix + "-p", "m", "chat", "embeddings");
        fixtures.post("/admin/v1/agents", Map.of("name", prefix + "-helper", "model", prefix + "-m"));
        agent = "agent:" + prefix + "-helper";
    }

    @Test
    void aKeyForEveryModelCannotUseAnAgent() {
        String everyModel = fixtures.key(prefix + "-all");

        JsonNode error = chat(everyModel, agent).expectStatus().isNotFound().expectBody(JsonNode.class)
                .returnResult().getResponseBody().path("error");

        assertThat(error.path("code").asString()).isEqualTo("model_not_found");
        assertThat(UPSTREAM.findAll(anyRequestedFor(urlPathMatching("/" + prefix + "/.*")))).isEmpty();
    }

    @Test
    void anAgentRunsThroughChatCompletionsOnly() {
        String named = keyFor(List.of("*", agent));

        JsonNode error = http.post().uri("/v1/embeddings").header("Authorization", "Bearer " + named)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("model", agent, "input", "hi")).exchange()
                .expectStatus().isBadRequest().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("error");
        assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
        assertThat(error.path("code").asString()).isEqualTo("agent_not_runnable");
        assertThat(error.path("param").asString()).isEqualTo("model");
        http.post().uri("/v1/completions").header("Authorization", "Bearer " + named)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("model", agent, "prompt", "hi")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("agent_not_runnable");
        http.post().uri("/v1/responses").header("Authorization", "Bearer " + named)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("model", agent, "input", "hi")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("agent_not_runnable");
        http.post().uri("/v1/messages").header("x-api-key", named).header("anthropic-version", "2023-06-01")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("model", agent, "max_tokens", 10,
                        "messages", List.of(Map.of("role", "user", "content", "hi")))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error.message")
                .value(message -> assertThat(message.toString()).contains("/v1/chat/completions"));
        assertThat(UPSTREAM.findAll(anyRequestedFor(urlPathMatching("/" + prefix + "/.*")))).isEmpty();
    }

    @Test
    void aDeletedAgentIsNotFoundEvenForAKeyThatNamedIt() {
        String named = keyFor(List.of(agent));
        fixtures.delete("/admin/v1/agents/" + prefix + "-helper").expectStatus().isNoContent();

        chat(named, agent).expectStatus().isNotFound().expectBody().jsonPath("$.error.code")
                .isEqualTo("model_not_found");
        // Naming an agent grants none of the models it uses.
        chat(named, prefix + "-m").expectStatus().isNotFound();
    }

    private String keyFor(List<String> allowed) {
        return fixtures.post("/admin/v1/keys", Map.of("name", unique("k"), "scopes", List.of("inference"),
                "allowed_models", allowed)).path("key").asString();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec chat(String key, String model) {
        return http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("model", model, "messages", List.of(Map.of("role", "user", "content", "hi"))))
                .exchange();
    }
}
