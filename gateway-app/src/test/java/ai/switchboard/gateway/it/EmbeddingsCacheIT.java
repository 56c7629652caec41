package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Embeddings cached per input text: a batch some of whose texts are cached sends the model only the rest, gets the
 * vectors back in the client's order, and is billed (and metered) for the texts the model embedded; the ledger says
 * what the cached ones saved. A model that answers the wrong number of vectors fails the request and stores nothing.
 */
class EmbeddingsCacheIT extends GatewayIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBatchWithSomeCachedTextsSendsOnlyTheRestAndIsReassembledInOrder() {
        String prefix = unique("embed-batch");
        String key = embeddingModel(prefix);
        String model = prefix + "-e";
        stubVectors(prefix, List.of("a", "b"), 6);
        stubVectors(prefix, List.of("c", "d"), 4);

        EntityExchangeResult<byte[]> miss = embed(key, model, "[\"a\",\"b\"]", null);
        assertThat(cacheHeader(miss)).isEqualTo("miss");
        assertThat(vectors(miss)).containsExactly(vector("a"), vector("b"));

        EntityExchangeResult<byte[]> partial = embed(key, model, "[\"c\",\"a\",\"d\",\"b\"]", null);
        assertThat(cacheHeader(partial)).isEqualTo("partial");
        assertThat(vectors(partial)).containsExactly(vector("c"), vector("a"), vector("d"), vector("b"));
        assertThat(json(partial).path("data").path(3).path("index").asInt()).isEqualTo(3);
        assertThat(json(partial).path("usage").path("prompt_tokens").asInt()).isEqualTo(4);
        List<LoggedRequest> sent = upstream(prefix);
        assertThat(sent).hasSize(2);
        assertThat(JsonMapper.shared().readTree(sent.get(1).getBodyAsString()).path("input"))
                .isEqualTo(JsonMapper.shared().readTree("[\"c\",\"d\"]"));

        // Every text is cached now, whichever batch embedded it, and a single string is the same text as in a list.
        EntityExchangeResult<byte[]> hit = embed(key, model, "[\"d\",\"b\"]", null);
        assertThat(cacheHeader(hit)).isEqualTo("hit");
        assertThat(vectors(hit)).containsExactly(vector("d"), vector("b"));
        assertThat(json(hit).path("usage").path("prompt_tokens").asInt()).isZero();
        assertThat(json(hit).path("model").asString()).isEqualTo("e");
        assertThat(vectors(embed(key, model, "\"a\"", null))).containsExactly(vector("a"));
        assertThat(upstream(prefix)).hasSize(2);

        // Fields that change the vectors are part of each text's key.
        stubVectors(prefix, List.of("a"), 1);
        assertThat(cacheHeader(embed(key, model, "[\"a\"]", ",\"dimensions\":2"))).isEqualTo("miss");
        assertThat(upstream(prefix)).hasSize(3);

        // $1,000 per million input tokens: "a" and "b" were embedded for 6 tokens, 3 each, $0.003.
        String partialId = partial.getResponseHeaders().getFirst("x-request-id");
        String hitId = hit.getResponseHeaders().getFirst("x-request-id");
        Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            Map<String, Object> row = jdbc.queryForMap("SELECT cache_status, input_tokens, cost_usd,"
                    + " saved_input_tokens, saved_cost_usd FROM usage_ledger WHERE request_id = ?", partialId);
            assertThat(row.get("cache_status")).isEqualTo("partial");
            assertThat(row.get("input_tokens")).isEqualTo(4L);
            assertThat((BigDecimal) row.get("cost_usd")).isEqualByComparingTo("0.004");
            assertThat(row.get("saved_input_tokens")).isEqualTo(6L);
            assertThat((BigDecimal) row.get("saved_cost_usd")).isEqualByComparingTo("0.006");
            Map<String, Object> hitRow = jdbc.queryForMap("SELECT cache_status, input_tokens, cost_usd,"
                    + " saved_input_tokens, saved_cost_usd FROM usage_ledger WHERE request_id = ?", hitId);
            assertThat(hitRow.get("cache_status")).isEqualTo("hit");
            assertThat(hitRow.get("input_tokens")).isEqualTo(0L);
            assertThat((BigDecimal) hitRow.get("cost_usd")).isEqualByComparingTo("0");
            // "d" cost 2 of the 4 tokens of its batch, "b" 3 of the 6 of its.
            assertThat(hitRow.get("saved_input_tokens")).isEqualTo(5L);
            assertThat((BigDecimal) hitRow.get("saved_cost_usd")).isEqualByComparingTo("0.005");
        });
    }

    @Test
    void tokenIdInputsAreCachedWholeByTheirExactKey() {
        String prefix = unique("embed-tokens");
        String key = embeddingModel(prefix);
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/embeddings")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(UpstreamBodies.embeddings("e"))));
        assertThat(cacheHeader(embed(key, prefix + "-e", "[[1,2],[3]]", null))).isEqualTo("miss");
        assertThat(cacheHeader(embed(key, prefix + "-e", "[[1,2],[3]]", null))).isEqualTo("hit");
        assertThat(cacheHeader(embed(key, prefix + "-e", "[[1,2]]", null))).isEqualTo("miss");
        assertThat(upstream(prefix)).hasSize(2);
    }

    @Test
    void aModelAnsweringTheWrongNumberOfVectorsFailsTheRequestAndNothingIsStored() {
        String prefix = unique("embed-wrong");
        String key = embeddingModel(prefix);
        String model = prefix + "-e";
        stubVectors(prefix, List.of("a"), 1);
        assertThat(cacheHeader(embed(key, model, "[\"a\"]", null))).isEqualTo("miss");
        // Asked for "x" alone, the model answers two vectors: which one is x's cannot be known.
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/embeddings"))
                .withRequestBody(matchingJsonPath("$.input", equalToJson("[\"x\"]")))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(UpstreamBodies.embeddings("e"))));
        http.post().uri("/v1/embeddings").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + model + "\",\"input\":[\"a\",\"x\"]}").exchange()
                .expectStatus().isEqualTo(502)
                .expectBody().jsonPath("$.error.type").isEqualTo("api_error");
        stubVectors(prefix, List.of("x"), 1);
        assertThat(cacheHeader(embed(key, model, "[\"x\",\"a\"]", null))).isEqualTo("partial");
        assertThat(cacheHeader(embed(key, model, "[\"x\"]", null))).isEqualTo("hit");
    }

    /** A provider, an embeddings model at $1,000 per million input tokens with a cache policy, and a key for it. */
    private String embeddingModel(String prefix) {
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        fixtures.post("/admin/v1/models", Map.of("name", prefix + "-e", "provider", prefix + "-p",
                "upstream_model", "e", "capabilities", List.of("embeddings"), "input_price_per_mtok", 1000,
                "output_price_per_mtok", 0));
        fixtures.post("/admin/v1/cache-policies", Map.of("target_type", "model", "target", prefix + "-e"));
        return fixtures.key(prefix + "-key", prefix + "-e");
    }

    /** The model's answer to exactly {@code texts}: each text's own vector, and {@code tokens} of usage. */
    private static void stubVectors(String prefix, List<String> texts, int tokens) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            data.append(i == 0 ? "" : ",").append("{\"object\":\"embedding\",\"index\":").append(i)
                    .append(",\"embedding\":").append(vector(texts.get(i))).append('}');
        }
        String inputs = JsonMapper.shared().writeValueAsString(texts);
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/embeddings"))
                .withRequestBody(matchingJsonPath("$.input", equalToJson(inputs)))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"object\":\"list\",\"data\":[" + data + "],\"model\":\"e\",\"usage\":{\"prompt_tokens\":"
                                + tokens + ",\"total_tokens\":" + tokens + "}}")));
    }

    /** A vector that tells the texts apart: the text's first character's code and its length. */
    private static String vector(String text) {
        return "[" + (int) text.charAt(0) + ".5," + text.length() + ".25]";
    }

    private static List<String> vectors(EntityExchangeResult<byte[]> result) {
        return json(result).path("data").valueStream().map(item -> item.path("embedding").toString()).toList();
    }

    private EntityExchangeResult<byte[]> embed(String key, String model, String input, String more) {
        return http.post().uri("/v1/embeddings").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + model + "\",\"input\":" + input + (more == null ? "" : more) + "}")
                .exchange().expectBody().returnResult();
    }

    private static List<LoggedRequest> upstream(String prefix) {
        return UPSTREAM.findAll(postRequestedFor(urlEqualTo("/" + prefix + "/v1/embeddings")));
    }

    private static String cacheHeader(EntityExchangeResult<byte[]> result) {
        assertThat(result.getStatus().value()).as(new String(result.getResponseBodyContent())).isEqualTo(200);
        return result.getResponseHeaders().getFirst("x-switchboard-cache");
    }

    private static JsonNode json(EntityExchangeResult<byte[]> result) {
        return JsonMapper.shared().readTree(result.getResponseBodyContent());
    }
}
