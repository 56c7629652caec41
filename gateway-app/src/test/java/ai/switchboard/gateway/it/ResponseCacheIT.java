package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exact response cache through the whole gateway, over real HTTP against a stubbed upstream and the real
 * database: opt-in by policy, hit, miss, bypass and refresh, the canonical key, streaming replay, per-team scoping,
 * expiry, and the answers that are never stored.
 */
class ResponseCacheIT extends GatewayIT {

    static final String QUESTION = "{\"model\":\"%s\",\"temperature\":0,\"max_tokens\":50,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"What are your opening hours?\"}]}";
    static final String SAME_QUESTION_RESPELLED = """
            {
              "messages" : [ { "content" : "What are your opening hours?", "role" : "user" } ],
              "max_tokens" : 50,
              "temperature" : 0.0,
              "model" : "%s"
            }""";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void offByDefaultThenHitMissBypassAndRefreshOnceAModelOptsIn() {
        String prefix = unique("cache-basic");
        String key = model(prefix);
        String model = prefix + "-m";

        // No policy: the cache is off, and says nothing.
        assertThat(chat(key, QUESTION.formatted(model), null).getResponseHeaders().getFirst("x-switchboard-cache"))
                .isNull();
        assertThat(chat(key, QUESTION.formatted(model), null).getResponseHeaders().getFirst("x-switchboard-cache"))
                .isNull();
        assertThat(upstreamCalls(prefix)).isEqualTo(2);

        fixtures.post("/admin/v1/cache-policies", Map.of("target_type", "model", "target", model));
        EntityExchangeResult<byte[]> miss = chat(key, QUESTION.formatted(model), null);
        assertThat(cacheHeader(miss)).isEqualTo("miss");
        assertThat(upstreamCalls(prefix)).isEqualTo(3);

        EntityExchangeResult<byte[]> hit = chat(key, SAME_QUESTION_RESPELLED.formatted(model), null);
        assertThat(cacheHeader(hit)).isEqualTo("hit");
        assertThat(upstreamCalls(prefix)).isEqualTo(3);
        assertThat(json(hit)).isEqualTo(json(miss));
        assertThat(json(hit).path("choices").path(0).path("message").path("content").asString()).isEqualTo("ok");

        assertThat(cacheHeader(chat(key, QUESTION.formatted(model), Map.of("Cache-Control", "no-cache"))))
                .isEqualTo("bypass");
        assertThat(cacheHeader(chat(key, QUESTION.formatted(model), Map.of("x-switchboard-cache", "bypass"))))
                .isEqualTo("bypass");
        assertThat(upstreamCalls(prefix)).isEqualTo(5);

        // A refresh calls the model and replaces the entry: the next request hits the new answer.
        stubAnswer(prefix, UpstreamBodies.chatCompletion("m", "fresh"));
        EntityExchangeResult<byte[]> refreshed = chat(key, QUESTION.formatted(model),
                Map.of("x-switchboard-cache", "refresh"));
        assertThat(cacheHeader(refreshed)).isEqualTo("miss");
        assertThat(upstreamCalls(prefix)).isEqualTo(6);
        EntityExchangeResult<byte[]> afterRefresh = chat(key, QUESTION.formatted(model), null);
        assertThat(cacheHeader(afterRefresh)).isEqualTo("hit");
        assertThat(json(afterRefresh).path("choices").path(0).path("message").path("content").asString())
                .isEqualTo("fresh");

        // A sampled request is not deterministic: not cached unless the policy says so.
        String sampled = QUESTION.formatted(model).replace("\"temperature\":0", "\"temperature\":0.7");
        assertThat(cacheHeader(chat(key, sampled, null))).isEqualTo("bypass");
        assertThat(cacheHeader(chat(key, sampled, null))).isEqualTo("bypass");
        assertThat(upstreamCalls(prefix)).isEqualTo(8);
        String policy = jdbc.queryForObject("SELECT p.id::text FROM cache_policies p JOIN models m"
                + " ON m.id = p.model_id WHERE m.name = ?", String.class, model);
        fixtures.patch("/admin/v1/cache-policies/" + policy, Map.of("deterministic_only", false))
                .expectStatus().isOk();
        assertThat(cacheHeader(chat(key, sampled, null))).isEqualTo("miss");
        assertThat(cacheHeader(chat(key, sampled, null))).isEqualTo("hit");
        assertThat(upstreamCalls(prefix)).isEqualTo(9);

        // The model's edit changes its revision: what it answered before is not served for what it is now.
        fixtures.patch("/admin/v1/models/" + model, Map.of("upstream_model", "m2")).expectStatus().isOk();
        assertThat(cacheHeader(chat(key, QUESTION.formatted(model), null))).isEqualTo("miss");

        // The shared tier holds the entries too, for the other replicas.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM response_cache WHERE model = ?", Long.class, model))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aStreamedRequestHitsWhatAJsonOneStoredAndIsReplayedAsAProperStream() {
        String prefix = unique("cache-stream");
        String key = model(prefix);
        String model = prefix + "-m";
        fixtures.post("/admin/v1/cache-policies", Map.of("target_type", "model", "target", model));
        assertThat(cacheHeader(chat(key, QUESTION.formatted(model), null))).isEqualTo("miss");

        String streamed = QUESTION.formatted(model).replaceFirst("\\{", "{\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true},");
        EntityExchangeResult<byte[]> replay = chat(key, streamed, null);
        assertThat(cacheHeader(replay)).isEqualTo("hit");
        assertThat(replay.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_EVENT_STREAM))
                .isTrue();
        List<JsonNode> chunks = events(replay);
        assertThat(new String(replay.getResponseBodyContent())).endsWith("data: [DONE]\n\n");
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.path("object").asString()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.path("id").asString()).isEqualTo("chatcmpl-1");
        });
        assertThat(chunks.get(0).path("choices").path(0).path("delta").path("role").asString())
                .isEqualTo("assistant");
        assertThat(chunks.get(0).path("choices").path(0).path("delta").path("content").asString()).isEqualTo("ok");
        assertThat(chunks.get(1).path("choices").path(0).path("finish_reason").asString()).isEqualTo("stop");
        JsonNode usage = chunks.getLast();
        assertThat(usage.path("choices").isEmpty()).isTrue();
        assertThat(usage.path("usage").path("prompt_tokens").asInt()).isEqualTo(12);

        // Without include_usage, no usage chunk, as from a model.
        EntityExchangeResult<byte[]> withoutUsage = chat(key, streamed.replace("true},", "false},"), null);
        assertThat(events(withoutUsage)).hasSize(2).noneMatch(chunk -> chunk.has("usage"));
        assertThat(upstreamCalls(prefix)).isEqualTo(1);
    }

    @Test
    void aStreamedAnswerIsStoredWholeAndServedToJsonAndStreamAlike() {
        String prefix = unique("cache-sse");
        String key = model(prefix);
        String model = prefix + "-m";
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(UpstreamBodies.sse(List.of(
                        UpstreamBodies.roleChunk("m"), UpstreamBodies.textChunk("m", "Nine ", null),
                        UpstreamBodies.textChunk("m", "to five", "stop"), UpstreamBodies.usageChunk("m")), true))));
        fixtures.post("/admin/v1/cache-policies", Map.of("target_type", "model", "target", model));
        String streamed = QUESTION.formatted(model).replaceFirst("\\{", "{\"stream\":true,");
        EntityExchangeResult<byte[]> miss = chat(key, streamed, null);
        assertThat(cacheHeader(miss)).isEqualTo("miss");
        assertThat(new String(miss.getResponseBodyContent())).contains("Nine ").endsWith("data: [DONE]\n\n");

        EntityExchangeResult<byte[]> replay = chat(key, streamed, null);
        assertThat(cacheHeader(replay)).isEqualTo("hit");
        assertThat(events(replay).getFirst().path("choices").path(0).path("delta").path("content").asString())
                .isEqualTo("Nine to five");
        EntityExchangeResult<byte[]> asJson = chat(key, QUESTION.formatted(model), null);
        assertThat(cacheHeader(asJson)).isEqualTo("hit");
        assertThat(json(asJson).path("choices").path(0).path("message").path("content").asString())
                .isEqualTo("Nine to five");
        assertThat(json(asJson).path("usage").path("completion_tokens").asInt()).isEqualTo(2);
        assertThat(upstreamCalls(prefix)).isEqualTo(1);
    }

    @Test
    void oneTeamNeverReceivesAnothersAnswerUnlessTheRouteSharesIt() {
        String prefix = unique("cache-teams");
        model(prefix);
        fixtures.post("/admin/v1/routes", Map.of("name", prefix + "-r", "policy", "fallback",
                "config", Map.of("targets", List.of(prefix + "-m"))));
        fixtures.post("/admin/v1/teams", Map.of("name", prefix + "-a"));
        fixtures.post("/admin/v1/teams", Map.of("name", prefix + "-b"));
        String alice = teamKey(prefix + "-alice", prefix + "-a");
        String colleague = teamKey(prefix + "-colleague", prefix + "-a");
        String bob = teamKey(prefix + "-bob", prefix + "-b");
        String route = prefix + "-r";
        JsonNode policy = fixtures.post("/admin/v1/cache-policies", Map.of("target_type", "route", "target", route));
        assertThat(policy.path("shared_across_teams").asBoolean()).isFalse();

        assertThat(cacheHeader(chat(alice, QUESTION.formatted(route), null))).isEqualTo("miss");
        assertThat(cacheHeader(chat(colleague, QUESTION.formatted(route), null))).isEqualTo("hit");
        assertThat(cacheHeader(chat(bob, QUESTION.formatted(route), null))).isEqualTo("miss");
        assertThat(upstreamCalls(prefix)).isEqualTo(2);

        fixtures.patch("/admin/v1/cache-policies/" + policy.path("id").asString(),
                Map.of("shared_across_teams", true)).expectStatus().isOk();
        assertThat(cacheHeader(chat(alice, QUESTION.formatted(route), null))).isEqualTo("miss");
        assertThat(cacheHeader(chat(bob, QUESTION.formatted(route), null))).isEqualTo("hit");

        // A key's disabled policy is an opt-out the route's cannot override.
        fixtures.post("/admin/v1/cache-policies", Map.of("target_type", "key", "target", prefix + "-bob",
                "enabled", false));
        assertThat(chat(bob, QUESTION.formatted(route), null).getResponseHeaders().getFirst("x-switchboard-cache"))
                .isNull();
    }

    @Test
    void entriesExpireAfterTheirTtl() throws InterruptedException {
        String prefix = unique("cache-ttl");
        String key = model(prefix);
        String model = prefix + "-m";
        fixtures.post("/admin/v1/cache-policies", Map.of("target_type", "key", "target", prefix + "-m-key",
                "ttl_seconds", 1));
        assertThat(cacheHeader(chat(key, QUESTION.formatted(model), null))).isEqualTo("miss");
        assertThat(cacheHeader(chat(key, QUESTION.formatted(model), null))).isEqualTo("hit");
        Thread.sleep(1_300);
        assertThat(cacheHeader(chat(key, QUESTION.formatted(model), null))).isEqualTo("miss");
        assertThat(upstreamCalls(prefix)).isEqualTo(2);
    }

    @Test
    void cutFilteredAndFailedAnswersAreNeverStored() {
        String prefix = unique("cache-never");
        String key = model(prefix);
        String model = prefix + "-m";
        fixtures.post("/admin/v1/cache-policies", Map.of("target_type", "model", "target", model));
        for (String finish : List.of("length", "content_filter")) {
            stubAnswer(prefix, UpstreamBodies.chatCompletion("m", "cut").replace("\"stop\"", "\"" + finish + "\""));
            assertThat(cacheHeader(chat(key, QUESTION.formatted(model), null))).isEqualTo("miss");
            assertThat(cacheHeader(chat(key, QUESTION.formatted(model), null))).isEqualTo("miss");
        }
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\"}}")));
        http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(QUESTION.formatted(model)).exchange()
                .expectStatus().isBadRequest().expectHeader().valueEquals("x-switchboard-cache", "miss");
        // A stream the upstream cut before it finished.
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(UpstreamBodies.sse(List.of(
                        UpstreamBodies.roleChunk("m"), UpstreamBodies.textChunk("m", "half", null)), false))));
        String streamed = QUESTION.formatted(model).replaceFirst("\\{", "{\"stream\":true,");
        chat(key, streamed, null);
        stubAnswer(prefix, UpstreamBodies.chatCompletion("m", "whole"));
        assertThat(cacheHeader(chat(key, QUESTION.formatted(model), null))).isEqualTo("miss");
        assertThat(upstreamCalls(prefix)).isEqualTo(7);
    }

    /**
     * The model costs $100 per million input tokens and $1,000 per million output tokens, and its answer (12 prompt, 3
     * completion tokens) $0.0042. The key's budget of $0.005 admits the miss (it reserves about $0.0045: the prompt's
     * estimate and 3 output tokens) and then has $0.0008 left, too little for another call. The hit still passes, at
     * no cost, and its ledger row says what it saved; a request the cache does not answer is refused.
     */
    @Test
    void aHitCostsNothingAgainstBudgetsAndTheLedgerAndMetricsSayWhatItSaved() {
        String prefix = unique("cache-ledger");
        stubAnswer(prefix, UpstreamBodies.chatCompletion("m", "ok"));
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        fixtures.post("/admin/v1/models", Map.of("name", prefix + "-m", "provider", prefix + "-p",
                "upstream_model", "m", "capabilities", List.of("chat"), "input_price_per_mtok", 100,
                "output_price_per_mtok", 1000));
        String key = fixtures.key(prefix + "-key", prefix + "-m");
        fixtures.post("/admin/v1/budgets", Map.of("name", prefix + "-b", "scope_type", "key",
                "scope", prefix + "-key", "period", "daily", "limit_usd", 0.005));
        fixtures.post("/admin/v1/cache-policies", Map.of("target_type", "model", "target", prefix + "-m"));
        String question = QUESTION.formatted(prefix + "-m").replace("\"max_tokens\":50", "\"max_tokens\":3");

        EntityExchangeResult<byte[]> miss = chat(key, question, null);
        assertThat(cacheHeader(miss)).isEqualTo("miss");
        EntityExchangeResult<byte[]> hit = chat(key, question, null);
        assertThat(cacheHeader(hit)).isEqualTo("hit");
        assertThat(chat(key, question, Map.of("x-switchboard-cache", "bypass")).getStatus().value()).isEqualTo(429);
        assertThat(upstreamCalls(prefix)).isEqualTo(1);

        String hitId = hit.getResponseHeaders().getFirst("x-request-id");
        String missId = miss.getResponseHeaders().getFirst("x-request-id");
        // The ledger row is written about a second after the answer: until then there is no row to read.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).ignoreExceptions()
                .untilAsserted(() -> {
            Map<String, Object> row = jdbc.queryForMap("SELECT model, cost_usd, input_tokens, output_tokens,"
                    + " cache_status, saved_input_tokens, saved_output_tokens, saved_cost_usd, status"
                    + " FROM usage_ledger WHERE request_id = ?", hitId);
            assertThat(row.get("model")).isEqualTo(prefix + "-m");
            assertThat((java.math.BigDecimal) row.get("cost_usd")).isEqualByComparingTo("0");
            assertThat(row.get("input_tokens")).isEqualTo(0L);
            assertThat(row.get("cache_status")).isEqualTo("hit");
            assertThat(row.get("saved_input_tokens")).isEqualTo(12L);
            assertThat(row.get("saved_output_tokens")).isEqualTo(3L);
            assertThat((java.math.BigDecimal) row.get("saved_cost_usd")).isEqualByComparingTo("0.0042");
            assertThat(row.get("status")).isEqualTo(200);
            assertThat(jdbc.queryForObject("SELECT cache_status FROM usage_ledger WHERE request_id = ?",
                    String.class, missId)).isEqualTo("miss");
        });
        String scrape = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String model = "model=\"" + prefix + "-m\"";
        assertThat(scrape)
                .containsPattern("switchboard_cache_requests_total\\{[^}]*" + model + "[^}]*result=\"hit\"[^}]*} 1")
                .containsPattern("switchboard_cache_requests_total\\{[^}]*" + model + "[^}]*result=\"miss\"[^}]*} 1")
                .containsPattern("switchboard_cache_saved_usd_total\\{[^}]*" + model + "[^}]*} 0.0042")
                .containsPattern("switchboard_cache_saved_tokens_total\\{[^}]*" + model + "[^}]*type=\"output\"[^}]*} 3")
                .containsPattern("switchboard_cache_served_bytes_total\\{[^}]*" + model + "[^}]*} [1-9]");
    }

    /** A provider, a chat model answering "ok" and a key for it. */
    private String model(String prefix) {
        stubAnswer(prefix, UpstreamBodies.chatCompletion("m", "ok"));
        return fixtures.chatModel(prefix + "-m", prefix + "-p", upstreamBase(prefix), "m");
    }

    private String teamKey(String name, String team) {
        return fixtures.post("/admin/v1/keys", Map.of("name", name, "scopes", List.of("inference"),
                "allowed_models", List.of("*"), "team", team)).path("key").asString();
    }

    private static void stubAnswer(String prefix, String body) {
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private EntityExchangeResult<byte[]> chat(String key, String body, Map<String, String> headers) {
        return http.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + key)
                .headers(h -> {
                    if (headers != null) {
                        headers.forEach(h::set);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectBody().returnResult();
    }

    private static String cacheHeader(EntityExchangeResult<byte[]> result) {
        assertThat(result.getStatus().value()).as(new String(result.getResponseBodyContent())).isEqualTo(200);
        return result.getResponseHeaders().getFirst("x-switchboard-cache");
    }

    private static JsonNode json(EntityExchangeResult<byte[]> result) {
        return JsonMapper.shared().readTree(result.getResponseBodyContent());
    }

    static List<JsonNode> events(EntityExchangeResult<byte[]> result) {
        return new String(result.getResponseBodyContent()).lines()
                .filter(line -> line.startsWith("data: {"))
                .map(line -> JsonMapper.shared().readTree(line.substring("data: ".length())))
                .toList();
    }

    private static int upstreamCalls(String prefix) {
        return UPSTREAM.findAll(postRequestedFor(urlEqualTo("/" + prefix + "/v1/chat/completions"))).size();
    }
}
