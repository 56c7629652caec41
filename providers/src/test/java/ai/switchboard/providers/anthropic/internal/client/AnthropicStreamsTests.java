package ai.switchboard.providers.anthropic.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.anthropic.AnthropicTranscripts;
import ai.switchboard.providers.anthropic.ReassembledStream;
import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.FunctionCall;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.api.ToolCall;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class AnthropicStreamsTests {

    private static final ProviderEndpoint ENDPOINT = new ProviderEndpoint("anthropic-test", "anthropic",
            URI.create("https://api.anthropic.com"), "sk-ant-api03-secret", Map.of(), null, null, Map.of(), 1);
    private static final long CREATED = 1_700_000_000L;
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void textStreamStartsWithRoleAndEndsWithFinishThenUsage() {
        List<ChatChunk> chunks = translate("stream-text.sse");

        assertThat(chunks).hasSize(5);
        assertThat(chunks.get(0).choices().get(0).delta().role()).isEqualTo("assistant");
        assertThat(chunks.get(0).choices().get(0).delta().content()).isEmpty();
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.id()).isEqualTo("msg_01TXT");
            assertThat(chunk.created()).isEqualTo(CREATED);
            assertThat(chunk.model()).isEqualTo("claude-sonnet-4-5-20250929");
            assertThat(chunk.object()).isEqualTo(ChatChunk.OBJECT);
        });
        ReassembledStream answer = ReassembledStream.of(chunks);
        assertThat(answer.text()).isEqualTo("Hello");
        assertThat(answer.finishReason()).isEqualTo("stop");
        assertThat(chunks.get(3).choices().get(0).delta().content()).isNull();
        assertThat(chunks.get(4).choices()).isEmpty();
        // message_delta repeats cumulative counts: the last value wins, nothing is summed.
        assertThat(answer.usage().promptTokens()).isEqualTo(25);
        assertThat(answer.usage().completionTokens()).isEqualTo(15);
        assertThat(answer.usage().totalTokens()).isEqualTo(40);
    }

    @Test
    void toolBlocksAfterTextGetOpenAiIndexesZeroAndOneWithExactArguments() {
        List<ChatChunk> chunks = translate("stream-text-then-tools.sse");

        ReassembledStream answer = ReassembledStream.of(chunks);
        assertThat(answer.text()).isEqualTo("Checking both.");
        assertThat(answer.toolIds()).containsExactly(Map.entry(0, "toolu_01"), Map.entry(1, "toolu_02"));
        assertThat(answer.toolNames()).containsExactly(Map.entry(0, "get_weather"), Map.entry(1, "get_time"));
        assertThat(answer.toolArguments()).containsExactly(
                Map.entry(0, "{\"city\": \"Paris\", \"unit\": \"°C\"}"),
                Map.entry(1, "{\"tz\":\"Europe/Paris\"}"));
        assertThat(answer.finishReason()).isEqualTo("tool_calls");
        // The first fragment of each call carries id, type, name and empty arguments, as OpenAI sends it.
        ToolCall first = chunks.get(2).choices().get(0).delta().toolCalls().get(0);
        assertThat(first).isEqualTo(new ToolCall(0, "toolu_01", "function", new FunctionCall("get_weather", "")));
        // Fragments are forwarded one for one, never merged or re-serialized.
        assertThat(chunks.get(3).choices().get(0).delta().toolCalls().get(0).function().arguments())
                .isEqualTo("{\"city\": \"Pa");
        // Usage: input excludes cache reads and writes; OpenAI's prompt includes them, cached = reads.
        assertThat(answer.usage().promptTokens()).isEqualTo(472 + 2000 + 100);
        assertThat(answer.usage().cachedTokens()).isEqualTo(2000);
        assertThat(answer.usage().completionTokens()).isEqualTo(41);
        assertThat(answer.usage().extra().get("cache_creation_input_tokens").asInt()).isEqualTo(100);
    }

    @Test
    void zeroArgumentToolAfterThinkingGetsIndexZeroAndEmptyObject() {
        ReassembledStream answer = ReassembledStream.of(translate("stream-thinking-then-zero-arg-tool.sse"));

        assertThat(answer.text()).isEmpty();
        assertThat(answer.toolIds()).containsExactly(Map.entry(0, "toolu_03"));
        assertThat(answer.toolArguments()).containsExactly(Map.entry(0, "{}"));
        assertThat(answer.finishReason()).isEqualTo("tool_calls");
    }

    @Test
    void errorEventMidStreamEndsWithTheClassifiedError() {
        StepVerifier.create(AnthropicStreams.chatChunks(ENDPOINT, "claude", CREATED,
                        Flux.fromIterable(AnthropicTranscripts.events("stream-overloaded-mid-way.sse"))))
                .expectNextCount(2)
                .expectErrorSatisfies(failure -> {
                    ProviderException error = (ProviderException) failure;
                    assertThat(error.type()).isEqualTo(ErrorType.UPSTREAM_UNAVAILABLE);
                    assertThat(error.status()).isEqualTo(503);
                    assertThat(error.getMessage()).isEqualTo("Overloaded");
                    assertThat(error.retriable()).isTrue();
                })
                .verify(WAIT);
    }

    @Test
    void rateLimitErrorEventIsRateLimited() {
        List<ServerSentEvent<String>> events = List.of(AnthropicTranscripts.events("stream-text.sse").get(0),
                event("error", "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}"));

        StepVerifier.create(AnthropicStreams.chatChunks(ENDPOINT, "claude", CREATED, Flux.fromIterable(events)))
                .expectNextCount(1)
                .expectErrorSatisfies(failure -> assertThat(((ProviderException) failure).type())
                        .isEqualTo(ErrorType.RATE_LIMITED))
                .verify(WAIT);
    }

    @Test
    void streamEndingWithoutMessageStopIsInterrupted() {
        StepVerifier.create(AnthropicStreams.chatChunks(ENDPOINT, "claude", CREATED,
                        Flux.fromIterable(AnthropicTranscripts.events("stream-cut-off.sse"))))
                .expectNextCount(2)
                .expectErrorSatisfies(failure -> assertThat(((ProviderException) failure).type())
                        .isEqualTo(ErrorType.STREAM_INTERRUPTED))
                .verify(WAIT);
    }

    @Test
    void resultCompletesAtMessageStopWithoutWaitingForTheBodyToClose() {
        Flux<ServerSentEvent<String>> lingering = Flux.fromIterable(AnthropicTranscripts.events("stream-text.sse"))
                .concatWith(Flux.never());

        StepVerifier.create(AnthropicStreams.chatChunks(ENDPOINT, "claude", CREATED, lingering))
                .expectNextCount(5)
                .verifyComplete();
    }

    @Test
    void malformedOrOutOfOrderEventsAreMalformedResponses() {
        List<ServerSentEvent<String>> notJson = List.of(event("message_start", "{\"type\":\"message_start\","));
        List<ServerSentEvent<String>> noStart = List.of(event("content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"x\"}}"));

        for (List<ServerSentEvent<String>> events : List.of(notJson, noStart)) {
            StepVerifier.create(AnthropicStreams.chatChunks(ENDPOINT, "claude", CREATED, Flux.fromIterable(events)))
                    .expectErrorSatisfies(failure -> assertThat(((ProviderException) failure).type())
                            .isEqualTo(ErrorType.MALFORMED_RESPONSE))
                    .verify(WAIT);
        }
    }

    @Test
    void toolBlockFarBehindManyOtherBlocksStillGetsIndexZero() {
        List<ServerSentEvent<String>> events = new ArrayList<>();
        events.add(AnthropicTranscripts.events("stream-text.sse").get(0));
        for (int block = 0; block < 20; block++) {
            events.add(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":" + block
                    + ",\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
            events.add(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + block + "}"));
        }
        events.add(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":20,"
                + "\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_9\",\"name\":\"f\",\"input\":{}}}"));
        events.add(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":20,"
                + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"a\\\":1}\"}}"));
        events.add(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":20}"));
        events.add(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},"
                + "\"usage\":{\"output_tokens\":5}}"));
        events.add(event("message_stop", "{\"type\":\"message_stop\"}"));

        ReassembledStream answer = ReassembledStream.of(AnthropicStreams.chatChunks(ENDPOINT, "claude", CREATED,
                Flux.fromIterable(events)).collectList().block(WAIT));

        assertThat(answer.toolIds()).containsExactly(Map.entry(0, "toolu_9"));
        assertThat(answer.toolArguments()).containsExactly(Map.entry(0, "{\"a\":1}"));
    }

    @Test
    void unknownEventTypesAreSkippedEvenBeforeMessageStart() {
        List<ServerSentEvent<String>> events = new ArrayList<>();
        events.add(event("future_event", "{\"type\":\"future_event\",\"x\":1}"));
        events.addAll(AnthropicTranscripts.events("stream-text.sse"));

        assertThat(AnthropicStreams.chatChunks(ENDPOINT, "claude", CREATED, Flux.fromIterable(events))
                .collectList().block(WAIT)).hasSize(5);
    }

    private static List<ChatChunk> translate(String transcript) {
        return AnthropicStreams.chatChunks(ENDPOINT, "claude", CREATED,
                Flux.fromIterable(AnthropicTranscripts.events(transcript))).collectList().block(WAIT);
    }

    private static ServerSentEvent<String> event(String name, String data) {
        return ServerSentEvent.<String>builder().event(name).data(data).build();
    }
}
