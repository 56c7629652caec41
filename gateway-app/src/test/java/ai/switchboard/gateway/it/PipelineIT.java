package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
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
 * A {@code pipeline} route against fake upstreams: a small model extracts, a large one writes from a stored prompt
 * template that reads the extraction. Streaming clients get the last step live; every step's tokens count; a failed
 * step fails the request naming it; a prompt a pipeline names cannot be deleted.
 */
class PipelineIT extends GatewayIT {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Autowired
    JdbcTemplate jdbc;

    private String prefix;
    private String route;
    private String writer;
    private String key;

    @BeforeEach
    void pipeline() {
        prefix = unique("pipeline");
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        fixtures.model(prefix + "-small", prefix + "-p", "small-model", "chat", "streaming");
        fixtures.model(prefix + "-large", prefix + "-p", "large-model", "chat", "streaming");
        writer = prefix + "-writer";
        fixtures.post("/admin/v1/prompts", Map.of("name", writer, "template", Map.of("messages", List.of(
                Map.of("role", "system", "content", "Write a short note."),
                Map.of("role", "user", "content", "Facts: {{steps.extract.output}}\nRequest: {{input}}")))));
        route = prefix + "-r";
        fixtures.post("/admin/v1/routes", Map.of("name", route, "policy", "pipeline", "config", Map.of("steps",
                List.of(Map.of("name", "extract", "target", prefix + "-small",
                                "template", Map.of("text", "List the facts in: {{input}}")),
                        Map.of("name", "write", "target", prefix + "-large", "prompt", Map.of("prompt", writer))))));
        key = fixtures.key(prefix + "-k", route);
    }

    @Test
    void theSmallModelExtractsAndTheLargeOneWritesFromItAndEveryStepCounts() {
        stubSmall(200, UpstreamBodies.chatCompletion("small-model", "launch=May"));
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).atPriority(5)
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(UpstreamBodies.chatCompletion("large-model", "The launch is in May."))));

        var result = chat(false).expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-extra-tokens", "15")
                .expectBody(JsonNode.class).returnResult();
        JsonNode body = result.getResponseBody();
        String requestId = result.getResponseHeaders().getFirst("x-request-id");

        assertThat(body.path("choices").get(0).path("message").path("content").asString())
                .isEqualTo("The launch is in May.");
        List<LoggedRequest> calls = calls();
        assertThat(calls).hasSize(2);
        JsonNode extract = JSON.readTree(calls.get(0).getBodyAsString());
        assertThat(extract.path("model").asString()).isEqualTo("small-model");
        assertThat(extract.path("messages").get(0).path("content").asString())
                .isEqualTo("List the facts in: When is the launch?");
        JsonNode write = JSON.readTree(calls.get(1).getBodyAsString());
        assertThat(write.path("model").asString()).isEqualTo("large-model");
        assertThat(write.path("messages").get(1).path("content").asString())
                .isEqualTo("Facts: launch=May\nRequest: When is the launch?");
        // The ledger is written in the background: the row is awaited, not assumed.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT input_tokens, output_tokens, prompt_name, prompt_version FROM usage_ledger "
                        + "WHERE request_id = ?", requestId)).containsExactly(Map.of("input_tokens", 24L,
                                "output_tokens", 6L, "prompt_name", writer, "prompt_version", 1)));
    }

    @Test
    void aStreamingClientGetsTheLastStepLiveWhileTheFirstRunsInJson() {
        stubSmall(200, UpstreamBodies.chatCompletion("small-model", "launch=May"));
        String sse = UpstreamBodies.sse(List.of(UpstreamBodies.roleChunk("large-model"),
                UpstreamBodies.textChunk("large-model", "In ", null),
                UpstreamBodies.textChunk("large-model", "May.", null),
                UpstreamBodies.textChunk("large-model", null, "stop"),
                UpstreamBodies.usageChunk("large-model")), true);
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).atPriority(5)
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(sse)));

        String streamed = chat(true).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(streamed).contains("\"content\":\"In \"").contains("\"content\":\"May.\"")
                .endsWith("data: [DONE]\n\n");
        List<LoggedRequest> calls = calls();
        assertThat(JSON.readTree(calls.get(0).getBodyAsString()).has("stream")).isFalse();
        assertThat(JSON.readTree(calls.get(1).getBodyAsString()).path("stream").asBoolean()).isTrue();
    }

    @Test
    void aFailedFirstStepFailsTheRequestNamingItAndTheSecondIsNeverCalled() {
        stubSmall(400, "{\"error\":{\"message\":\"bad input\",\"type\":\"invalid_request_error\"}}");

        JsonNode error = chat(false).expectStatus().isBadRequest().expectBody(JsonNode.class).returnResult()
                .getResponseBody();

        assertThat(error.path("error").path("message").asString()).contains("pipeline step 'extract'");
        assertThat(calls()).hasSize(1);
    }

    @Test
    void aPromptAPipelineNamesCannotBeDeletedAndAMissingOneIsRefused() {
        http.delete().uri("/admin/v1/prompts/" + writer).header("Authorization", "Bearer " + ADMIN_KEY).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("route '" + route + "'"));
        http.post().uri("/admin/v1/routes").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", prefix + "-bad", "policy",
                        "pipeline", "config", Map.of("steps", List.of(Map.of("name", "a", "target", prefix + "-small",
                                "prompt", Map.of("prompt", "no-such-prompt"))))))
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("config.prompt");
    }

    private void stubSmall(int status, String body) {
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).atPriority(1)
                .withRequestBody(containing("small-model")).willReturn(aResponse().withStatus(status)
                        .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec chat(boolean stream) {
        return http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("model", route, "stream", stream,
                        "messages", List.of(Map.of("role", "user", "content", "When is the launch?"))))
                .exchange();
    }

    private List<LoggedRequest> calls() {
        return UPSTREAM.findAll(postRequestedFor(urlEqualTo("/" + prefix + "/v1/chat/completions")));
    }
}
