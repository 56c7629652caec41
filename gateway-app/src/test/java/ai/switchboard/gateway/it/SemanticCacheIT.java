package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The semantic cache through the whole gateway, with an embeddings upstream whose vectors the test chooses: a request
 * that means the same as a stored one (by cosine similarity at the threshold) is a hit; one that does not, a request
 * carrying tool results, a longer conversation, another team, another system prompt or tools are not; a failing
 * embeddings model is a miss, never a failed request.
 */
class SemanticCacheIT extends GatewayIT {

    static final String HOURS = "What are your opening hours?";
    static final String OPEN = "When are you open?";
    static final String PASSWORD = "How do I reset my password?";

    @Autowired
    JdbcTemplate jdbc;

    /** The id of the policy {@link #setUp} created. */
    private String policyId;

    @Test
    void aParaphraseIsAHitAndAnythingElseIsAMiss() {
        String prefix = unique("semantic");
        String route = setUp(prefix);
        String key = fixtures.key(prefix + "-key", route);

        EntityExchangeResult<byte[]> miss = chat(key, body(route, null, HOURS));
        assertThat(cacheHeader(miss)).isEqualTo("miss");
        EntityExchangeResult<byte[]> hit = chat(key, body(route, null, OPEN));
        assertThat(cacheHeader(hit)).isEqualTo("hit");
        assertThat(Double.parseDouble(hit.getResponseHeaders().getFirst("x-switchboard-cache-similarity")))
                .isBetween(0.97, 0.99);
        assertThat(json(hit).path("choices").path(0).path("message").path("content").asString())
                .isEqualTo("Nine to five");
        assertThat(chatCalls(prefix)).isEqualTo(1);
        // Each look-up embedded its request: the embeddings model is called like any other.
        assertThat(embeddingCalls(prefix)).isEqualTo(2);
        // The hit paid for its embeddings call (5 tokens at $0.15/Mtok): that is not saved.
        String hitId = hit.getResponseHeaders().getFirst("x-request-id");
        BigDecimal embedding = new BigDecimal("0.00000075");
        // The ledger row is written about a second after the answer: until then the query finds no row.
        Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            BigDecimal stored = jdbc.queryForObject("SELECT max(cost_usd) FROM semantic_cache WHERE model = ?",
                    BigDecimal.class, prefix + "-m");
            BigDecimal saved = jdbc.queryForObject("SELECT saved_cost_usd FROM usage_ledger WHERE request_id = ?",
                    BigDecimal.class, hitId);
            assertThat(stored).isNotNull().isGreaterThan(embedding);
            assertThat(saved).isEqualByComparingTo(stored.subtract(embedding));
        });
        String scrape = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Matcher metric = Pattern.compile("switchboard_cache_saved_usd_total\\{[^}]*model=\"" + prefix
                + "-m\"[^}]*} (\\S+)").matcher(scrape);
        assertThat(metric.find()).isTrue();
        assertThat(Double.parseDouble(metric.group(1)))
                .isCloseTo(stored(prefix).subtract(embedding).doubleValue(), within(1e-12));

        assertThat(cacheHeader(chat(key, body(route, null, PASSWORD)))).isEqualTo("miss");
        assertThat(chatCalls(prefix)).isEqualTo(2);

        // Another system prompt, or tools, is another partition: compared exactly, never by meaning.
        assertThat(cacheHeader(chat(key, body(route, "You are terse.", OPEN)))).isEqualTo("miss");
        String withTools = body(route, null, OPEN).replaceFirst("\\{", "{\"tools\":[{\"type\":\"function\","
                + "\"function\":{\"name\":\"lookup\",\"parameters\":{\"type\":\"object\"}}}],");
        assertThat(cacheHeader(chat(key, withTools))).isEqualTo("miss");
        assertThat(chatCalls(prefix)).isEqualTo(4);
    }

    @Test
    void toolResultsLongConversationsAndOtherTeamsAreNeverAnsweredByMeaning() {
        String prefix = unique("semantic-safe");
        String route = setUp(prefix);
        fixtures.post("/admin/v1/teams", Map.of("name", prefix + "-a"));
        fixtures.post("/admin/v1/teams", Map.of("name", prefix + "-b"));
        String alice = teamKey(prefix + "-alice", prefix + "-a");
        String bob = teamKey(prefix + "-bob", prefix + "-b");
        assertThat(cacheHeader(chat(alice, body(route, null, HOURS)))).isEqualTo("miss");
        assertThat(cacheHeader(chat(bob, body(route, null, OPEN)))).isEqualTo("miss");
        assertThat(cacheHeader(chat(alice, body(route, null, OPEN)))).isEqualTo("hit");
        int embedded = embeddingCalls(prefix);

        // Two earlier turns are more than the policy embeds (none): exact cache only, and nothing is embedded.
        String conversation = "{\"model\":\"" + route + "\",\"temperature\":0,\"messages\":["
                + "{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"Hello\"},"
                + "{\"role\":\"user\",\"content\":\"" + OPEN + "\"}]}";
        assertThat(cacheHeader(chat(alice, conversation))).isEqualTo("miss");
        // An agent's turn with a tool result, even with context turns allowed, is never answered by meaning.
        fixtures.patch("/admin/v1/cache-policies/" + policyId, Map.of("context_turns", 4)).expectStatus().isOk();
        String toolTurn = "{\"model\":\"" + route + "\",\"temperature\":0,\"messages\":["
                + "{\"role\":\"user\",\"content\":\"" + HOURS + "\"},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"hours\",\"arguments\":\"{}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"9-17\"},"
                + "{\"role\":\"user\",\"content\":\"" + OPEN + "\"}]}";
        assertThat(cacheHeader(chat(alice, toolTurn))).isEqualTo("miss");
        assertThat(cacheHeader(chat(alice, toolTurn))).isEqualTo("hit");
        assertThat(embeddingCalls(prefix)).isEqualTo(embedded);
    }

    @Test
    void aFailingEmbeddingsModelIsAMissAndTheRequestIsServed() {
        String prefix = unique("semantic-down");
        String route = setUp(prefix);
        String key = fixtures.key(prefix + "-key", route);
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/embeddings")).willReturn(aResponse().withStatus(500)));
        EntityExchangeResult<byte[]> first = chat(key, body(route, null, HOURS));
        assertThat(cacheHeader(first)).isEqualTo("miss");
        assertThat(cacheHeader(chat(key, body(route, null, OPEN)))).isEqualTo("miss");
        assertThat(chatCalls(prefix)).isEqualTo(2);
        // The exact cache still answers what it holds.
        assertThat(cacheHeader(chat(key, body(route, null, HOURS)))).isEqualTo("hit");
    }

    @Test
    void theDeclarativeFileCarriesTheSemanticSettingsAndTheExportAppliesUnchanged() {
        String prefix = unique("semantic-file");
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        fixtures.model(prefix + "-m", prefix + "-p", "m", "chat");
        fixtures.model(prefix + "-x", prefix + "-p", "x", "chat");
        fixtures.model(prefix + "-e", prefix + "-p", "e", "embeddings");
        String file = """
                cache_policies:
                  - {target_type: model, target: %1$s-m, mode: semantic, embedding_model: %1$s-e,
                     similarity_threshold: 0.9, context_turns: 2}
                  - {target_type: model, target: %1$s-x, ttl_seconds: 60}
                """.formatted(prefix);
        apply(file).expectStatus().isOk().expectBody().jsonPath("$.sections.cache_policies.created").isEqualTo(2);
        apply(file).expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(false);
        apply(file.replace("0.9,", "0.92,")).expectStatus().isOk().expectBody()
                .jsonPath("$.sections.cache_policies.updated").isEqualTo(1);

        String json = new String(http.get().uri("/admin/v1/config").header("Authorization", "Bearer " + ADMIN_KEY)
                .accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBodyContent());
        assertThat(json).contains("\"target\":\"" + prefix + "-m\",\"enabled\":true")
                .contains("\"mode\":\"semantic\",\"embedding_model\":\"" + prefix + "-e\","
                        + "\"similarity_threshold\":0.92,\"context_turns\":2}")
                // An exact policy is exported without the settings that mean nothing to it.
                .containsPattern("\"target\":\"" + prefix + "-x\",[^}]*\"deterministic_only\":true}");
        String yaml = new String(http.get().uri("/admin/v1/config").header("Authorization", "Bearer " + ADMIN_KEY)
                .accept(MediaType.parseMediaType("application/yaml")).exchange().expectStatus().isOk().expectBody()
                .returnResult().getResponseBodyContent());
        apply(yaml).expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(false);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec apply(String yaml) {
        return http.post().uri("/admin/v1/config:apply").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.parseMediaType("application/yaml")).bodyValue(yaml).exchange();
    }

    /**
     * A chat model answering "Nine to five", an embeddings model whose vectors put {@link #HOURS} and {@link #OPEN}
     * at a cosine of 0.98 and {@link #PASSWORD} far from both, and a route with a semantic cache policy over them.
     */
    private String setUp(String prefix) {
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(UpstreamBodies.chatCompletion("m", "Nine to five"))));
        stubVector(prefix, HOURS, "[1.0, 0.0, 0.0]");
        stubVector(prefix, OPEN, "[0.98, 0.199, 0.0]");
        stubVector(prefix, PASSWORD, "[0.0, 0.0, 1.0]");
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        fixtures.model(prefix + "-m", prefix + "-p", "m", "chat", "tools");
        fixtures.model(prefix + "-e", prefix + "-p", "e", "embeddings");
        String route = prefix + "-r";
        fixtures.post("/admin/v1/routes", Map.of("name", route, "policy", "fallback",
                "config", Map.of("targets", List.of(prefix + "-m"))));
        JsonNode policy = fixtures.post("/admin/v1/cache-policies", Map.of("target_type", "route", "target", route,
                "mode", "semantic", "embedding_model", prefix + "-e"));
        assertThat(policy.path("similarity_threshold").asDouble()).isEqualTo(0.95);
        assertThat(policy.path("embedding_model").asString()).isEqualTo(prefix + "-e");
        policyId = policy.path("id").asString();
        return route;
    }

    private BigDecimal stored(String prefix) {
        return jdbc.queryForObject("SELECT max(cost_usd) FROM semantic_cache WHERE model = ?", BigDecimal.class,
                prefix + "-m");
    }

    private static void stubVector(String prefix, String text, String vector) {
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/embeddings"))
                .withRequestBody(matchingJsonPath("$.input", equalTo(text)))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":"
                                + vector + "}],\"model\":\"e\",\"usage\":{\"prompt_tokens\":5,\"total_tokens\":5}}")));
    }

    private String teamKey(String name, String team) {
        return fixtures.post("/admin/v1/keys", Map.of("name", name, "scopes", List.of("inference"),
                "allowed_models", List.of("*"), "team", team)).path("key").asString();
    }

    private static String body(String model, String system, String question) {
        return "{\"model\":\"" + model + "\",\"temperature\":0,\"messages\":["
                + (system == null ? "" : "{\"role\":\"system\",\"content\":\"" + system + "\"},")
                + "{\"role\":\"user\",\"content\":\"" + question + "\"}]}";
    }

    private EntityExchangeResult<byte[]> chat(String key, String body) {
        return http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectBody().returnResult();
    }

    private static String cacheHeader(EntityExchangeResult<byte[]> result) {
        assertThat(result.getStatus().value()).as(new String(result.getResponseBodyContent())).isEqualTo(200);
        return result.getResponseHeaders().getFirst("x-switchboard-cache");
    }

    private static JsonNode json(EntityExchangeResult<byte[]> result) {
        return JsonMapper.shared().readTree(result.getResponseBodyContent());
    }

    private static int chatCalls(String prefix) {
        return UPSTREAM.findAll(postRequestedFor(urlEqualTo("/" + prefix + "/v1/chat/completions"))).size();
    }

    private static int embeddingCalls(String prefix) {
        return UPSTREAM.findAll(postRequestedFor(urlEqualTo("/" + prefix + "/v1/embeddings"))).size();
    }
}
