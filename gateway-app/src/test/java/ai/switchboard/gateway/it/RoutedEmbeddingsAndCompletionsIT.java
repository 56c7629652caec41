package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** {@code /v1/embeddings} and {@code /v1/completions} name {@code fallback} routes and fail over across them. */
class RoutedEmbeddingsAndCompletionsIT extends GatewayIT {

    @Test
    void embeddingsFailOverFromABrokenDeploymentToTheRoutesFallback() {
        String prefix = catalog("remb", "embeddings");
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "-bad/v1/embeddings"))
                .willReturn(aResponse().withStatus(500).withBody("down")));
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "-ok/v1/embeddings")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(UpstreamBodies.embeddings("e"))));
        String key = route(prefix, "fallback", Map.of("targets", List.of(prefix + "-primary")));

        JsonNode body = call(key, "/v1/embeddings", "{\"model\":\"" + prefix + "-route\",\"input\":\"hi\"}")
                .expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-route", prefix + "-route")
                .expectHeader().valueEquals("x-switchboard-model", prefix + "-healthy")
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(body.path("data")).hasSize(2);
    }

    @Test
    void completionsFailOverAndStreamThroughARoute() {
        String prefix = catalog("rcmpl", "completions", "streaming");
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "-bad/v1/completions"))
                .willReturn(aResponse().withStatus(503).withBody("busy")));
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "-ok/v1/completions"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("\"stream\":true"))
                .atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(
                        "data: {\"id\":\"c\",\"object\":\"text_completion\",\"choices\":[{\"text\":\"streamed\","
                                + "\"index\":0,\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n")));
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "-ok/v1/completions")).atPriority(5).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"c\",\"object\":\"text_completion\","
                        + "\"choices\":[{\"text\":\"done\",\"index\":0,\"finish_reason\":\"stop\"}]}")));
        String key = route(prefix, "fallback", Map.of("targets", List.of(prefix + "-primary")));

        call(key, "/v1/completions", "{\"model\":\"" + prefix + "-route\",\"prompt\":\"hi\"}").expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-model", prefix + "-healthy")
                .expectBody().jsonPath("$.choices[0].text").isEqualTo("done");
        String stream = call(key, "/v1/completions", "{\"model\":\"" + prefix + "-route\",\"prompt\":\"hi\","
                + "\"stream\":true}").expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(stream).contains("streamed").contains("[DONE]").doesNotContain("\"error\"");
    }

    @Test
    void routesWhosePolicyReadsChatMessagesAreRefusedWithAClearMessage() {
        String prefix = catalog("rrouter", "embeddings");
        String key = route(prefix, "router", Map.of("rules", List.of(), "default", prefix + "-healthy"));

        call(key, "/v1/embeddings", "{\"model\":\"" + prefix + "-route\",\"input\":\"hi\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("unsupported_route_policy");
    }

    /** A broken and a healthy deployment with the given capabilities. */
    private String catalog(String name, String... capabilities) {
        String prefix = unique(name);
        fixtures.provider(prefix + "-bp", upstreamBase(prefix + "-bad"));
        fixtures.provider(prefix + "-hp", upstreamBase(prefix + "-ok"));
        fixtures.model(prefix + "-primary", prefix + "-bp", "m", capabilities);
        fixtures.model(prefix + "-healthy", prefix + "-hp", "m", capabilities);
        return prefix;
    }

    private String route(String prefix, String policy, Map<String, Object> config) {
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("name", prefix + "-route");
        route.put("policy", policy);
        route.put("config", config);
        route.put("fallbacks", List.of(prefix + "-healthy"));
        fixtures.post("/admin/v1/routes", route);
        return fixtures.key(prefix + "-k", prefix + "-route");
    }

    private WebTestClient.ResponseSpec call(String key, String path, String body) {
        return http.post().uri(path).header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
