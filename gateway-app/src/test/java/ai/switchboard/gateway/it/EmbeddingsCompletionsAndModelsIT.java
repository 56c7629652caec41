package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class EmbeddingsCompletionsAndModelsIT extends GatewayIT {

    @Test
    void embeddingsAreProxiedToModelsThatOfferThem() {
        String prefix = unique("emb");
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        fixtures.model(prefix + "-m", prefix + "-p", "text-embedding-3-small", "embeddings");
        String key = fixtures.key(prefix + "-k", prefix + "-m");
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/embeddings")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(UpstreamBodies.embeddings("text-embedding-3-small"))));

        JsonNode body = http.post().uri("/v1/embeddings").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + prefix + "-m\",\"input\":[\"a\",\"b\"],\"dimensions\":3}")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-model", prefix + "-m")
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(body.path("data")).hasSize(2);
        assertThat(body.path("data").get(1).path("embedding").get(2).asDouble()).isEqualTo(-0.6);
        assertThat(body.path("usage").path("prompt_tokens").asInt()).isEqualTo(6);
        UPSTREAM.verify(postRequestedFor(urlEqualTo("/" + prefix + "/v1/embeddings"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("text-embedding-3-small")))
                .withRequestBody(matchingJsonPath("$.dimensions", equalTo("3"))));
    }

    @Test
    void embeddingsInputIsValidated() {
        String prefix = unique("emb-bad");
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        fixtures.model(prefix + "-m", prefix + "-p", "e", "embeddings");
        String key = fixtures.key(prefix + "-k", prefix + "-m");

        http.post().uri("/v1/embeddings").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + prefix + "-m\",\"input\":[]}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.param").isEqualTo("input");
    }

    @Test
    void legacyCompletionsPassThroughAsJsonAndStream() {
        String prefix = unique("cmpl");
        String key = fixtures.chatModel(prefix + "-m", prefix + "-p", upstreamBase(prefix), "gpt-3.5-turbo-instruct");
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/completions"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(UpstreamBodies.sse(List.of(
                        "{\"id\":\"c\",\"object\":\"text_completion\",\"choices\":[{\"text\":\"Hi\",\"index\":0,\"finish_reason\":null}]}",
                        "{\"id\":\"c\",\"object\":\"text_completion\",\"choices\":[{\"text\":\"!\",\"index\":0,\"finish_reason\":\"stop\"}]}"),
                        true))));
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/completions"))
                .atPriority(5)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"id\":\"c\",\"object\":\"text_completion\",\"created\":1,\"model\":\"gpt-3.5-turbo-instruct\","
                                + "\"choices\":[{\"text\":\"Hi!\",\"index\":0,\"logprobs\":null,\"finish_reason\":\"stop\"}],"
                                + "\"usage\":{\"prompt_tokens\":2,\"completion_tokens\":2,\"total_tokens\":4}}")));

        http.post().uri("/v1/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + prefix + "-m\",\"prompt\":\"Say hi\",\"max_tokens\":5}")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.choices[0].text").isEqualTo("Hi!");
        String stream = http.post().uri("/v1/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + prefix + "-m\",\"prompt\":\"Say hi\",\"stream\":true}")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(stream).contains("\"text\":\"Hi\"").contains("\"text\":\"!\"").endsWith("data: [DONE]\n\n");
        UPSTREAM.verify(postRequestedFor(urlEqualTo("/" + prefix + "/v1/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-3.5-turbo-instruct"))));
    }

    @Test
    void modelListingShowsOnlyWhatTheKeyMayUse() {
        String prefix = unique("list");
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        fixtures.model(prefix + "-a", prefix + "-p", "a");
        fixtures.model(prefix + "-b", prefix + "-p", "b");
        String key = fixtures.key(prefix + "-k", prefix + "-a");

        JsonNode list = http.get().uri("/v1/models").header("Authorization", "Bearer " + key).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(list.path("object").asString()).isEqualTo("list");
        assertThat(list.path("data")).extracting(m -> m.path("id").asString()).containsExactly(prefix + "-a");
        assertThat(list.path("data").get(0).path("object").asString()).isEqualTo("model");
        assertThat(list.path("data").get(0).path("owned_by").asString()).isEqualTo(prefix + "-p");
        http.get().uri("/v1/models/" + prefix + "-a").header("Authorization", "Bearer " + key).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(prefix + "-a");
        http.get().uri("/v1/models/" + prefix + "-b").header("Authorization", "Bearer " + key).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.error.code").isEqualTo("model_not_found");
    }
}
