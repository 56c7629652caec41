package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The response cache in front of Anthropic's Messages API and OpenAI's Responses API, as for chat: hit, miss and
 * bypass, answers never stored, a stored answer replayed as the API's own stream (the same events, in the same order
 * and shapes, as the model's stream through the gateway), and one key per API for the same question.
 */
class ApiResponseCacheIT extends GatewayIT {

    private static final String MESSAGES = "{\"model\":\"%s\",\"max_tokens\":50,\"temperature\":0,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"What are your opening hours?\"}]}";
    private static final String RESPONSES = "{\"model\":\"%s\",\"temperature\":0,"
            + "\"input\":\"What are your opening hours?\"}";
    private static final String CHAT = "{\"model\":\"%s\",\"temperature\":0,\"max_tokens\":50,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"What are your opening hours?\"}]}";

    @Test
    void messagesHitMissAndBypassAndACutAnswerIsNeverStored() {
        String prefix = unique("apicache-msg");
        String key = model(prefix);
        String model = prefix + "-m";
        fixtures.post("/admin/v1/cache-policies", Map.of("target_type", "model", "target", model));

        EntityExchangeResult<byte[]> miss = messages(key, MESSAGES.formatted(model), null);
        assertThat(cacheHeader(miss)).isEqualTo("miss");
        EntityExchangeResult<byte[]> hit = messages(key, MESSAGES.formatted(model).replace("\"temperature\":0",
                "\"temperature\":0.0,\"stream\":false"), null);
        assertThat(cacheHeader(hit)).isEqualTo("hit");
        assertThat(json(hit)).isEqualTo(json(miss));
        assertThat(json(hit).path("content").path(0).path("text").asString()).isEqualTo("ok");
        assertThat(upstreamCalls(prefix)).isEqualTo(1);

        assertThat(cacheHeader(messages(key, MESSAGES.formatted(model), Map.of("Cache-Control", "no-cache"))))
                .isEqualTo("bypass");
        // Messages has no seed: a sampled request is not cached unless the policy says so.
        assertThat(cacheHeader(messages(key, MESSAGES.formatted(model).replace("\"temperature\":0",
                "\"temperature\":0.5"), null))).isEqualTo("bypass");
        // A beta changes what an Anthropic upstream answers: another key.
        assertThat(cacheHeader(messages(key, MESSAGES.formatted(model), Map.of("anthropic-beta", "some-beta"))))
                .isEqualTo("miss");
        assertThat(upstreamCalls(prefix)).isEqualTo(4);

        // Cut at max_tokens: answered, never stored.
        stubAnswer(prefix, UpstreamBodies.chatCompletion("m", "cut").replace("\"stop\"", "\"length\""));
        String longer = MESSAGES.formatted(model).replace("opening hours", "closing hours");
        assertThat(json(messages(key, longer, null)).path("stop_reason").asString()).isEqualTo("max_tokens");
        assertThat(cacheHeader(messages(key, longer, null))).isEqualTo("miss");
        assertThat(upstreamCalls(prefix)).isEqualTo(6);
    }

    @Test
    void aStoredMessageIsReplayedWithTheEventsOfTheModelsStreamAndServesJsonToo() {
        String prefix = unique("apicache-msgsse");
        String key = model(prefix);
        String model = prefix + "-m";
        stubStream(prefix);
        String streamed = MESSAGES.formatted(model).replaceFirst("\\{", "{\"stream\":true,");
        // The model's own stream, no cache involved: the shape a replay must have.
        List<JsonNode> uncached = events(messages(key, streamed, null));

        fixtures.post("/admin/v1/cache-policies", Map.of("target_type", "model", "target", model));
        EntityExchangeResult<byte[]> miss = messages(key, streamed, null);
        assertThat(cacheHeader(miss)).isEqualTo("miss");
        EntityExchangeResult<byte[]> replay = messages(key, streamed, null);
        assertThat(cacheHeader(replay)).isEqualTo("hit");
        List<JsonNode> replayed = events(replay);
        assertThat(types(replayed)).containsExactly("message_start", "content_block_start", "ping",
                "content_block_delta", "content_block_stop", "message_delta", "message_stop");
        assertThat(types(replayed)).isEqualTo(types(uncached));
        assertSameShapes(replayed, uncached);
        assertThat(replayed.get(3).path("delta").path("text").asString()).isEqualTo("Nine to five");
        assertThat(replayed.get(5)).isEqualTo(uncached.get(5));

        EntityExchangeResult<byte[]> asJson = messages(key, MESSAGES.formatted(model), null);
        assertThat(cacheHeader(asJson)).isEqualTo("hit");
        assertThat(json(asJson).path("content").path(0).path("text").asString()).isEqualTo("Nine to five");
        assertThat(json(asJson).path("stop_reason").asString()).isEqualTo("end_turn");
        assertThat(json(asJson).path("usage").path("output_tokens").asInt()).isEqualTo(2);
        assertThat(upstreamCalls(prefix)).isEqualTo(2);
    }

    @Test
    void responsesHitMissBypassAndAHitIsItsOwnStoredResponse() {
        String prefix = unique("apicache-resp");
        String key = model(prefix);
        String model = prefix + "-m";
        fixtures.post("/admin/v1/cache-policies", Map.of("target_type", "model", "target", model));

        EntityExchangeResult<byte[]> miss = responses(key, RESPONSES.formatted(model), null);
        assertThat(cacheHeader(miss)).isEqualTo("miss");
        EntityExchangeResult<byte[]> hit = responses(key, RESPONSES.formatted(model), null);
        assertThat(cacheHeader(hit)).isEqualTo("hit");
        assertThat(upstreamCalls(prefix)).isEqualTo(1);
        JsonNode first = json(miss);
        JsonNode second = json(hit);
        assertThat(second.path("output").path(0).path("content").path(0).path("text").asString()).isEqualTo("ok");
        assertThat(second.path("id").asString()).startsWith("resp_").isNotEqualTo(first.path("id").asString());
        assertThat(second.path("output").path(0).path("id").asString())
                .isNotEqualTo(first.path("output").path(0).path("id").asString());
        assertThat(second.path("status").asString()).isEqualTo("completed");
        // Stored under its own id, so a conversation can go on from the hit.
        http.get().uri("/v1/responses/" + second.path("id").asString()).header("Authorization", "Bearer " + key)
                .exchange().expectStatus().isOk();

        // A continuation depends on the stored conversation, not on its body alone: never from the cache.
        String continued = RESPONSES.formatted(model).replaceFirst("\\{",
                "{\"previous_response_id\":\"" + second.path("id").asString() + "\",");
        assertThat(responses(key, continued, null).getResponseHeaders().getFirst("x-switchboard-cache")).isNull();
        assertThat(responses(key, continued, null).getResponseHeaders().getFirst("x-switchboard-cache")).isNull();
        assertThat(upstreamCalls(prefix)).isEqualTo(3);

        assertThat(cacheHeader(responses(key, RESPONSES.formatted(model), Map.of("x-switchboard-cache", "bypass"))))
                .isEqualTo("bypass");
        assertThat(cacheHeader(responses(key, RESPONSES.formatted(model).replace("\"temperature\":0",
                "\"temperature\":1"), null))).isEqualTo("bypass");
        assertThat(upstreamCalls(prefix)).isEqualTo(5);

        // Incomplete (cut at max_output_tokens): answered, never stored.
        stubAnswer(prefix, UpstreamBodies.chatCompletion("m", "cut").replace("\"stop\"", "\"length\""));
        String other = RESPONSES.formatted(model).replace("opening", "closing");
        assertThat(json(responses(key, other, null)).path("status").asString()).isEqualTo("incomplete");
        assertThat(cacheHeader(responses(key, other, null))).isEqualTo("miss");
        assertThat(upstreamCalls(prefix)).isEqualTo(7);
    }

    @Test
    void aStoredResponseIsReplayedWithTheEventsOfTheModelsStreamAndServesJsonToo() {
        String prefix = unique("apicache-respsse");
        String key = model(prefix);
        String model = prefix + "-m";
        stubStream(prefix);
        String streamed = RESPONSES.formatted(model).replaceFirst("\\{", "{\"stream\":true,");
        List<JsonNode> uncached = events(responses(key, streamed, null));

        fixtures.post("/admin/v1/cache-policies", Map.of("target_type", "model", "target", model));
        assertThat(cacheHeader(responses(key, streamed, null))).isEqualTo("miss");
        EntityExchangeResult<byte[]> replay = responses(key, streamed, null);
        assertThat(cacheHeader(replay)).isEqualTo("hit");
        List<JsonNode> replayed = events(replay);
        assertThat(types(replayed)).containsExactly("response.created", "response.in_progress",
                "response.output_item.added", "response.content_part.added", "response.output_text.delta",
                "response.output_text.done", "response.content_part.done", "response.output_item.done",
                "response.completed");
        assertThat(types(replayed)).isEqualTo(types(uncached));
        assertSameShapes(replayed, uncached);
        for (int i = 0; i < replayed.size(); i++) {
            assertThat(replayed.get(i).path("sequence_number").asInt()).isEqualTo(i);
        }
        JsonNode completed = replayed.getLast().path("response");
        assertThat(completed.path("output").path(0).path("content").path(0).path("text").asString())
                .isEqualTo("Nine to five");
        assertThat(completed.path("id").asString()).isEqualTo(replayed.getFirst().path("response").path("id")
                .asString());
        assertThat(completed.path("usage")).isEqualTo(uncached.getLast().path("response").path("usage"));

        EntityExchangeResult<byte[]> asJson = responses(key, RESPONSES.formatted(model), null);
        assertThat(cacheHeader(asJson)).isEqualTo("hit");
        assertThat(json(asJson).path("output").path(0).path("content").path(0).path("text").asString())
                .isEqualTo("Nine to five");
        assertThat(upstreamCalls(prefix)).isEqualTo(2);
    }

    @Test
    void theSameQuestionIsOneEntryPerApi() {
        String prefix = unique("apicache-apis");
        String key = model(prefix);
        String model = prefix + "-m";
        fixtures.post("/admin/v1/cache-policies", Map.of("target_type", "model", "target", model));

        assertThat(cacheHeader(chat(key, CHAT.formatted(model)))).isEqualTo("miss");
        assertThat(cacheHeader(messages(key, MESSAGES.formatted(model), null))).isEqualTo("miss");
        assertThat(cacheHeader(responses(key, RESPONSES.formatted(model), null))).isEqualTo("miss");
        assertThat(upstreamCalls(prefix)).isEqualTo(3);
        assertThat(cacheHeader(chat(key, CHAT.formatted(model)))).isEqualTo("hit");
        assertThat(cacheHeader(messages(key, MESSAGES.formatted(model), null))).isEqualTo("hit");
        assertThat(cacheHeader(responses(key, RESPONSES.formatted(model), null))).isEqualTo("hit");
        assertThat(upstreamCalls(prefix)).isEqualTo(3);
    }

    /** Each event has the fields the model's stream has, at the top and one level down. */
    private static void assertSameShapes(List<JsonNode> replayed, List<JsonNode> uncached) {
        for (int i = 0; i < replayed.size(); i++) {
            assertThat(fields(replayed.get(i))).as("event %d", i).isEqualTo(fields(uncached.get(i)));
        }
    }

    private static List<String> fields(JsonNode event) {
        List<String> names = new ArrayList<>();
        event.properties().forEach(field -> {
            names.add(field.getKey());
            if (field.getValue().isObject()) {
                field.getValue().properties().forEach(inner -> names.add(field.getKey() + "." + inner.getKey()));
            }
        });
        return names.stream().sorted().toList();
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(event -> event.path("type").asString()).toList();
    }

    /**
     * A model answering "ok" and a key for it. Its provider is an OpenAI-compatible server (vLLM), which the
     * Responses API reaches translated, as the Messages API does: both through the stubbed chat completions.
     */
    private String model(String prefix) {
        stubAnswer(prefix, UpstreamBodies.chatCompletion("m", "ok"));
        fixtures.provider(Map.of("name", prefix + "-p", "type", "openai", "base_url", upstreamBase(prefix),
                "api_key", "test-upstream-key", "settings", Map.of("profile", "vllm")));
        fixtures.model(prefix + "-m", prefix + "-p", "m", "chat", "streaming", "tools");
        return fixtures.key(prefix + "-m-key", prefix + "-m");
    }

    private static void stubAnswer(String prefix, String body) {
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static void stubStream(String prefix) {
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(UpstreamBodies.sse(List.of(
                        UpstreamBodies.roleChunk("m"), UpstreamBodies.textChunk("m", "Nine to five", "stop"),
                        UpstreamBodies.usageChunk("m")), true))));
    }

    private EntityExchangeResult<byte[]> messages(String key, String body, Map<String, String> headers) {
        return http.post().uri("/v1/messages").header("x-api-key", key).header("anthropic-version", "2023-06-01")
                .headers(h -> {
                    if (headers != null) {
                        headers.forEach(h::set);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectBody().returnResult();
    }

    private EntityExchangeResult<byte[]> responses(String key, String body, Map<String, String> headers) {
        return http.post().uri("/v1/responses").header("Authorization", "Bearer " + key)
                .headers(h -> {
                    if (headers != null) {
                        headers.forEach(h::set);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectBody().returnResult();
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

    private static List<JsonNode> events(EntityExchangeResult<byte[]> result) {
        assertThat(result.getStatus().value()).as(new String(result.getResponseBodyContent())).isEqualTo(200);
        return new String(result.getResponseBodyContent()).lines()
                .filter(line -> line.startsWith("data: {"))
                .map(line -> JsonMapper.shared().readTree(line.substring("data: ".length())))
                .toList();
    }

    private static int upstreamCalls(String prefix) {
        return UPSTREAM.findAll(postRequestedFor(urlEqualTo("/" + prefix + "/v1/chat/completions"))).size();
    }
}
