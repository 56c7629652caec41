package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.api.support.JavaNames;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Every malformed or unauthorised request gets a clear OpenAI-shaped error and never reaches an upstream. */
class BadInputIT extends GatewayIT {

    private String prefix;
    private String key;

    @BeforeEach
    void model() {
        prefix = unique("bad");
        key = fixtures.chatModel(prefix + "-m", prefix + "-p", upstreamBase(prefix), "gpt-4o-mini");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"model\":|",
        "[1,2]|",
        "{\"model\":\"MODEL\",\"messages\":\"hi\"}|messages",
        "{\"model\":\"MODEL\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"temperature\":\"hot\"}|temperature",
        "{\"model\":\"MODEL\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"stream\":\"yes\"}|stream",
        "{\"model\":\"MODEL\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"n\":1.5}|n",
        "{\"model\":{\"a\":1},\"messages\":[]}|model",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}|model",
        "{\"model\":\"MODEL\"}|messages",
        "{\"model\":\"MODEL\",\"messages\":[{\"role\":\"user\"}]}|messages[0].content",
    })
    void malformedRequestsAre400NamingTheParameter(String body, String param) {
        JsonNode error = chat(key, body.replace("MODEL", prefix + "-m"))
                .expectStatus().isBadRequest()
                .expectHeader().exists("x-request-id")
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("error");

        assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
        assertThat(error.path("message").asString()).isNotBlank();
        if (param == null) {
            assertThat(error.path("param").isNull()).isTrue();
        } else {
            assertThat(error.path("param").asString()).isEqualTo(param);
        }
    }

    /** The reproductions of issue 11, each of which used to be accepted (and forwarded upstream). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "/v1/chat/completions|{\"model\":\"MODEL\",\"messages\":MESSAGES,\"temperature\":\"NaN\"}|temperature",
        "/v1/chat/completions|{\"model\":\"MODEL\",\"messages\":MESSAGES,\"top_p\":\"NaN\"}|top_p",
        "/v1/chat/completions|{\"model\":\"MODEL\",\"messages\":MESSAGES,\"max_tokens\":\"10\"}|max_tokens",
        "/v1/chat/completions|{\"model\":\"MODEL\",\"messages\":MESSAGES,\"n\":\"2\"}|n",
        "/v1/chat/completions|{\"model\":\"MODEL\",\"messages\":MESSAGES,\"stream\":1}|stream",
        "/v1/chat/completions|{\"model\":\"MODEL\",\"messages\":MESSAGES,\"tool_choice\":5}|tool_choice",
        "/v1/chat/completions|{\"model\":\"MODEL\",\"messages\":MESSAGES,\"logit_bias\":\"x\"}|logit_bias",
        "/v1/chat/completions|{\"model\":\"MODEL\",\"messages\":MESSAGES,\"user\":5}|user",
        "/v1/chat/completions|{\"model\":\"MODEL\",\"messages\":MESSAGES,\"max_tokens\":99999999999}|max_tokens",
        "/v1/chat/completions|{\"model\":\"MODEL\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"video\"}]}]}"
                + "|messages[0].content[0].type",
        "/v1/chat/completions|{\"model\":\"MODEL\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\"}]}]}"
                + "|messages[0].content[0].text",
        "/v1/chat/completions|{\"model\":\"MODEL\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\","
                + "\"image_url\":5}]}]}|messages[0].content[0].image_url",
        "/v1/chat/completions|{\"model\":\"a\",\"model\":\"MODEL\",\"messages\":MESSAGES}|model",
        "/v1/completions|{\"model\":\"MODEL\",\"prompt\":\"x\",\"max_tokens\":-1,\"n\":1000,\"temperature\":\"hot\"}|",
        "/v1/completions|{\"model\":\"MODEL\",\"prompt\":\"x\",\"temperature\":\"hot\"}|temperature",
        "/v1/completions|{\"model\":\"MODEL\",\"prompt\":\"x\",\"n\":1000}|n",
        "/v1/completions|{\"model\":\"MODEL\",\"prompt\":\"x\",\"max_tokens\":-1}|max_tokens",
        "/v1/embeddings|{\"model\":\"MODEL\",\"input\":\"x\",\"encoding_format\":\"bogus\"}|encoding_format",
        "/v1/embeddings|{\"model\":\"MODEL\",\"input\":\"x\",\"dimensions\":-1}|dimensions",
    })
    void issueElevenReproductionsAreRefusedBeforeTheUpstream(String path, String body, String param) {
        JsonNode error = http.post().uri(path).header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body.replace("MODEL", prefix + "-m")
                        .replace("MESSAGES", "[{\"role\":\"user\",\"content\":\"x\"}]"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("error");

        if (param != null) {
            assertThat(error.path("param").asString()).isEqualTo(param);
        }
        assertThat(JavaNames.find(error.path("message").asString())).isNull();
        assertThat(UPSTREAM.countRequestsMatching(anyRequestedFor(urlPathMatching("/" + prefix + "/.*")).build())
                .getCount()).isZero();
    }

    @Test
    void unknownModelsAreNotEchoedInFull() {
        String huge = "m".repeat(100_000);
        chat(key, "{\"model\":\"" + huge + "\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.message").value(m -> assertThat((String) m).hasSizeLessThan(200));
    }

    @Test
    void emptyBodyIs400() {
        http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.type").isEqualTo("invalid_request_error");
    }

    @Test
    void unknownAndDisallowedModelsAre404ModelNotFound() {
        String other = unique("other");
        fixtures.model(other, prefix + "-p", "gpt-4o");

        for (String model : new String[] {"does-not-exist", other}) {
            chat(key, "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                    .expectStatus().isNotFound()
                    .expectBody()
                    .jsonPath("$.error.code").isEqualTo("model_not_found")
                    .jsonPath("$.error.param").isEqualTo("model");
        }
    }

    @Test
    void missingInvalidAndMalformedKeysAre401() {
        String body = "{\"model\":\"" + prefix + "-m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
        http.post().uri("/v1/chat/completions").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("invalid_api_key");
        chat("sk-sb-not-a-real-key", body).expectStatus().isUnauthorized();
        http.post().uri("/v1/chat/completions").header("Authorization", "Basic abc")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void revokedKeysAre401AtOnce() {
        JsonNode created = fixtures.post("/admin/v1/keys", Map.of("name", unique("revoked"), "scopes",
                java.util.List.of("inference"), "allowed_models", java.util.List.of("*")));
        String secret = created.path("key").asString();
        fixtures.delete("/admin/v1/keys/" + created.path("id").asString()).expectStatus().isNoContent();

        http.get().uri("/v1/models").header("Authorization", "Bearer " + secret).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.message").value(m -> assertThat((String) m).contains("revoked"));
    }

    @Test
    void keysWithoutTheScopeAre403() {
        http.get().uri("/admin/v1/providers").header("Authorization", "Bearer " + key).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
        JsonNode adminOnly = fixtures.post("/admin/v1/keys", Map.of("name", unique("admin-only"), "scopes",
                java.util.List.of("admin")));
        chat(adminOnly.path("key").asString(),
                "{\"model\":\"" + prefix + "-m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.error.type").isEqualTo("permission_error");
    }

    @Test
    void oversizedBodiesAre413() {
        String huge = "x".repeat(4 * 1024 * 1024 + 1);
        chat(key, "{\"model\":\"" + prefix + "-m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + huge + "\"}]}")
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.error.code").isEqualTo("request_too_large");
    }

    @Test
    void unknownPathsUnderV1AreOpenAiShaped404s() {
        http.get().uri("/v1/nothing-here").header("Authorization", "Bearer " + key).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.code").isEqualTo("unknown_url");
    }

    @Test
    void chatOnlyModelsRefuseEmbeddingsWithAClear400() {
        http.post().uri("/v1/embeddings").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + prefix + "-m\",\"input\":\"hello\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.error.param").isEqualTo("model")
                .jsonPath("$.error.message").value(m -> assertThat((String) m).contains("does not support embeddings"));
    }

    private WebTestClient.ResponseSpec chat(String apiKey, String body) {
        return http.post().uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + apiKey)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }
}
