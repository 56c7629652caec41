package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The specialist-generalist policy over real HTTP, once per classifier kind: a billing specialist and a generalist
 * on one WireMock provider, told apart by the upstream model id in the request body.
 */
class SpecialistRoutingIT extends GatewayIT {

    @Test
    void keywordRulesSendMatchingRequestsToTheSpecialist() {
        String prefix = catalog("spec-kw");
        String key = route(prefix, Map.of("classifier", "keywords", "generalist", prefix + "-general",
                "specialists", List.of(Map.of("label", "billing", "target", prefix + "-billing",
                        "keywords", List.of("invoice")))));

        chat(key, prefix, "Where is my INVOICE?").expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-model", prefix + "-billing");
        chat(key, prefix, "Tell me a joke").expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-model", prefix + "-general");
    }

    @Test
    void embeddingSimilarityPicksTheSpecialistAndEmbedsTheExamplesOnce() {
        String prefix = catalog("spec-emb");
        fixtures.model(prefix + "-embed", prefix + "-p", "embed-up", "embeddings");
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/embeddings"))
                .withRequestBody(containing("charged twice")).atPriority(1)
                .willReturn(json(vectors("[1.0, 0.0]", "[0.0, 1.0]"))));
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/embeddings"))
                .withRequestBody(containing("billed two times")).atPriority(2)
                .willReturn(json(vectors("[0.9, 0.1]"))));
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/embeddings")).atPriority(5)
                .willReturn(json(vectors("[-1.0, 0.2]"))));
        String key = route(prefix, Map.of("classifier", "embeddings", "generalist", prefix + "-general",
                "embedding_model", prefix + "-embed", "threshold", 0.8,
                "specialists", List.of(
                        Map.of("label", "billing", "target", prefix + "-billing", "examples", List.of("charged twice")),
                        Map.of("label", "code", "target", prefix + "-general", "examples", List.of("build fails")))));

        chat(key, prefix, "I was billed two times").expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-model", prefix + "-billing");
        chat(key, prefix, "What's the weather?").expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-model", prefix + "-general");

        UPSTREAM.verify(1, postRequestedFor(urlEqualTo("/" + prefix + "/v1/embeddings"))
                .withRequestBody(containing("charged twice")));
        UPSTREAM.verify(postRequestedFor(urlEqualTo("/" + prefix + "/v1/embeddings"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("embed-up"))));
    }

    @Test
    void aSmallLlmAnswersTheLabelAndTheDecisionIsInTheTrace() {
        String prefix = catalog("spec-llm");
        fixtures.model(prefix + "-tiny", prefix + "-p", "tiny-up");
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("tiny-up")))
                .withRequestBody(containing("refund")).atPriority(1)
                .willReturn(json(UpstreamBodies.chatCompletion("tiny-up", "Billing."))));
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("tiny-up"))).atPriority(2)
                .willReturn(json(UpstreamBodies.chatCompletion("tiny-up", "I am not sure"))));
        route(prefix, Map.of("classifier", "llm", "generalist", prefix + "-general",
                "classifier_model", prefix + "-tiny",
                "specialists", List.of(Map.of("label", "billing", "target", prefix + "-billing"))));

        String trace = chat(ADMIN_KEY, prefix, "I want a refund").expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-model", prefix + "-billing")
                .returnResult(String.class).getResponseHeaders().getFirst("x-switchboard-debug-trace");
        assertThat(trace).contains("llm chose 'billing'");
        chat(ADMIN_KEY, prefix, "Hello there").expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-model", prefix + "-general");
        UPSTREAM.verify(postRequestedFor(urlEqualTo("/" + prefix + "/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("tiny-up")))
                .withRequestBody(matchingJsonPath("$.temperature", equalTo("0.0"))));
    }

    /** A provider with a billing specialist and a generalist, each answering with its own name. */
    private String catalog(String name) {
        String prefix = unique(name);
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        for (String model : List.of("billing", "general")) {
            fixtures.model(prefix + "-" + model, prefix + "-p", model + "-up");
            UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions"))
                    .withRequestBody(matchingJsonPath("$.model", equalTo(model + "-up"))).atPriority(3)
                    .willReturn(json(UpstreamBodies.chatCompletion(model + "-up", "from " + model))));
        }
        return prefix;
    }

    /** Creates route {@code prefix} and a key for it. */
    private String route(String prefix, Map<String, Object> config) {
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("name", prefix);
        route.put("policy", "specialist-generalist");
        route.put("config", config);
        fixtures.post("/admin/v1/routes", route);
        return fixtures.key(prefix + "-k", prefix);
    }

    private WebTestClient.ResponseSpec chat(String key, String route, String text) {
        return http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .header("x-switchboard-debug", "true")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + route + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text
                        + "\"}]}")
                .exchange();
    }

    private static String vectors(String... vectors) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < vectors.length; i++) {
            data.append(i == 0 ? "" : ",").append("{\"object\":\"embedding\",\"index\":").append(i)
                    .append(",\"embedding\":").append(vectors[i]).append('}');
        }
        return "{\"object\":\"list\",\"data\":[" + data + "],\"model\":\"embed-up\","
                + "\"usage\":{\"prompt_tokens\":3,\"total_tokens\":3}}";
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }
}
