package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Upstream faults are classified, reported in OpenAI's shape, and never leak the provider credential. */
class UpstreamFailuresIT extends GatewayIT {

    @Test
    void upstreamClientErrorsPassThroughInOpenAiShape() {
        Setup setup = setup(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"message":"Invalid value for 'temperature'","type":"invalid_request_error",
                 "param":"temperature","code":"invalid_value"}}"""));

        JsonNode error = chat(setup, false).expectStatus().isBadRequest()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("error");

        assertThat(error.path("param").asString()).isEqualTo("temperature");
        assertThat(error.path("message").asString()).contains("temperature");
    }

    @Test
    void upstreamAuthFailuresDoNotEchoTheProviderKey() {
        Setup setup = setup(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"message":"Incorrect API key provided: test-ups*****-key.","type":"invalid_request_error",
                 "code":"invalid_api_key"}}"""));

        String body = chat(setup, false).expectStatus().isUnauthorized()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).doesNotContain("test-ups").doesNotContain("test-upstream-key");
    }

    @Test
    void rateLimitsKeepTheirRetryAfter() {
        Setup setup = setup(aResponse().withStatus(429).withHeader("Retry-After", "7")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}"));

        chat(setup, false).expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("Retry-After", "7")
                .expectBody().jsonPath("$.error.code").isEqualTo("rate_limit_exceeded");
    }

    @Test
    void upstreamServerErrorsAre502And503() {
        chat(setup(aResponse().withStatus(500).withBody("oops")), false).expectStatus().isEqualTo(502)
                .expectBody().jsonPath("$.error.type").isEqualTo("api_error");
        chat(setup(aResponse().withStatus(503).withBody("busy")), false).expectStatus().isEqualTo(503);
    }

    @Test
    void malformedUpstreamJsonIs502() {
        chat(setup(aResponse().withHeader("Content-Type", "application/json").withBody("{\"id\":")), false)
                .expectStatus().isEqualTo(502);
    }

    @Test
    void slowUpstreamsTimeOutWith504() {
        Setup setup = setup(aResponse().withFixedDelay(3_000).withHeader("Content-Type", "application/json")
                .withBody(UpstreamBodies.chatCompletion("m", "late")), 400);

        chat(setup, false).expectStatus().isEqualTo(504)
                .expectBody().jsonPath("$.error.type").isEqualTo("timeout_error");
    }

    @Test
    void connectionFailuresAre502WithoutInternals() {
        String prefix = unique("refused");
        fixtures.provider(prefix + "-p", "http://127.0.0.1:1/v1");
        fixtures.model(prefix + "-m", prefix + "-p", "m");
        String key = fixtures.key(prefix + "-k", prefix + "-m");

        String body = http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + prefix + "-m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .exchange().expectStatus().isEqualTo(502).expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).doesNotContain("test-upstream-key").contains("\"type\":\"api_error\"");
    }

    @Test
    void connectionResetIs502() {
        chat(setup(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)), false).expectStatus().isEqualTo(502);
    }

    @Test
    void streamFailingBeforeTheFirstChunkIsAnHttpError() {
        chat(setup(aResponse().withStatus(503).withBody("busy")), true).expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
    }

    @Test
    void streamCutMidwayEndsWithAnErrorEventAndNoDone() {
        String sse = UpstreamBodies.sse(List.of(UpstreamBodies.roleChunk("m"), UpstreamBodies.textChunk("m", "Hal", null)),
                false);
        Setup setup = setup(aResponse().withHeader("Content-Type", "text/event-stream").withBody(sse));

        String body = chat(setup, true).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("\"content\":\"Hal\"").contains("data: {\"error\":").doesNotContain("[DONE]");
    }

    @Test
    void streamWithAGarbledChunkAfterContentEndsWithAnErrorEvent() {
        Setup setup = setup(aResponse().withHeader("Content-Type", "text/event-stream").withBody(UpstreamBodies.sse(
                List.of(UpstreamBodies.roleChunk("m"), UpstreamBodies.textChunk("m", "Hal", null), "{not json"), true)));

        String body = chat(setup, true).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("\"content\":\"Hal\"").contains("data: {\"error\":").doesNotContain("[DONE]");
    }

    /** Nothing but a role-only chunk reached the client yet, so the stream has not started: a plain error answer. */
    @Test
    void streamWithAGarbledChunkBeforeAnyContentFailsWithAStatus() {
        Setup setup = setup(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(UpstreamBodies.sse(List.of(UpstreamBodies.roleChunk("m"), "{not json"), true)));

        chat(setup, true).expectStatus().isEqualTo(502)
                .expectBody().jsonPath("$.error.code").isEqualTo("upstream_error");
    }

    private Setup setup(ResponseDefinitionBuilder response) {
        return setup(response, null);
    }

    private Setup setup(ResponseDefinitionBuilder response, Integer responseTimeoutMs) {
        String prefix = unique("fail");
        Map<String, Object> provider = new java.util.HashMap<>(Map.of("name", prefix + "-p", "type", "openai",
                "base_url", upstreamBase(prefix), "api_key", "test-upstream-key"));
        if (responseTimeoutMs != null) {
            provider.put("response_timeout_ms", responseTimeoutMs);
        }
        fixtures.provider(provider);
        fixtures.model(prefix + "-m", prefix + "-p", "m");
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(response));
        return new Setup(prefix + "-m", fixtures.key(prefix + "-k", prefix + "-m"));
    }

    private WebTestClient.ResponseSpec chat(Setup setup, boolean stream) {
        return http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + setup.key())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + setup.model() + "\",\"stream\":" + stream
                        + ",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .exchange();
    }

    private record Setup(String model, String key) {
    }
}
