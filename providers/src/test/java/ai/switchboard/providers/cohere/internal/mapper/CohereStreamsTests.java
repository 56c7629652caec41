package ai.switchboard.providers.cohere.internal.mapper;

import static ai.switchboard.providers.cohere.CohereFixtures.offlineEndpoint;
import static ai.switchboard.providers.cohere.CohereFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChunkChoice;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.api.ToolCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class CohereStreamsTests {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void textStreamOpensWithTheRoleAndEndsWithFinishAndUsage() {
        List<ChatChunk> chunks = translate(events(resource("stream-text.sse"))).collectList().block(WAIT);

        assertThat(chunks).extracting(ChatChunk::id).containsOnly("c0ffee-3");
        assertThat(chunks).extracting(ChatChunk::created).containsOnly(1_700_000_000L);
        assertThat(chunks).extracting(ChatChunk::model).containsOnly("command-a-03-2025");
        assertThat(chunks).extracting(ChatChunk::object).containsOnly("chat.completion.chunk");
        assertThat(choice(chunks.get(0)).delta().role()).isEqualTo("assistant");
        assertThat(choice(chunks.get(0)).delta().content()).isEmpty();
        assertThat(text(chunks)).isEqualTo("Hello");
        assertThat(chunks.get(chunks.size() - 2).choices()).singleElement()
                .satisfies(finish -> assertThat(finish.finishReason()).isEqualTo("stop"));
        ChatChunk usage = chunks.getLast();
        assertThat(usage.choices()).isEmpty();
        assertThat(usage.usage().promptTokens()).isEqualTo(7);
        assertThat(usage.usage().completionTokens()).isEqualTo(2);
        assertThat(chunks).hasSize(5);
    }

    @Test
    void toolPlanIsDroppedAndTwoCallsReassembleExactlyAtIndexesZeroAndOne() {
        List<ChatChunk> chunks = translate(events(resource("stream-tool-calls.sse"))).collectList().block(WAIT);

        Map<Integer, String> ids = new TreeMap<>();
        Map<Integer, String> names = new TreeMap<>();
        Map<Integer, StringBuilder> arguments = new TreeMap<>();
        for (ChatChunk chunk : chunks) {
            for (ChunkChoice choice : chunk.choices()) {
                if (choice.delta().toolCalls() == null) {
                    continue;
                }
                for (ToolCall call : choice.delta().toolCalls()) {
                    if (call.id() != null) {
                        ids.put(call.index(), call.id());
                        names.put(call.index(), call.function().name());
                        assertThat(call.type()).isEqualTo("function");
                    }
                    arguments.computeIfAbsent(call.index(), i -> new StringBuilder())
                            .append(call.function().arguments());
                }
            }
        }
        assertThat(ids).containsExactly(Map.entry(0, "get_weather_x1"), Map.entry(1, "get_time_x2"));
        assertThat(names).containsExactly(Map.entry(0, "get_weather"), Map.entry(1, "get_time"));
        assertThat(arguments.get(0)).hasToString("{\"city\": \"Paris\"}");
        assertThat(arguments.get(1)).hasToString("{\"tz\": \"Europe/Paris\"}");
        assertThat(text(chunks)).isEmpty();
        assertThat(chunks.toString()).doesNotContain("I will look up");
        assertThat(choice(chunks.get(chunks.size() - 2)).finishReason()).isEqualTo("tool_calls");
        assertThat(chunks.getLast().usage().promptTokens()).isEqualTo(20);
        assertThat(chunks.getLast().usage().completionTokens()).isEqualTo(12);
        assertThat(chunks.getLast().usage().cachedTokens()).isEqualTo(8);
    }

    @Test
    void toolIndexesCountToolCallsOnlyAndAZeroArgumentCallGetsAnEmptyObject() {
        Flux<ServerSentEvent<String>> events = data(
                "{\"type\":\"message-start\",\"id\":\"m1\"}",
                "{\"type\":\"content-start\",\"index\":0,\"delta\":{\"message\":{\"content\":"
                        + "{\"type\":\"text\",\"text\":\"\"}}}}",
                "{\"type\":\"content-delta\",\"index\":0,\"delta\":{\"message\":{\"content\":"
                        + "{\"text\":\"Let me check.\"}}}}",
                "{\"type\":\"content-end\",\"index\":0}",
                "{\"type\":\"tool-call-start\",\"index\":0,\"delta\":{\"message\":{\"tool_calls\":{\"id\":\"t1\","
                        + "\"type\":\"function\",\"function\":{\"name\":\"now\",\"arguments\":\"\"}}}}}",
                "{\"type\":\"tool-call-end\",\"index\":0}",
                "{\"type\":\"citation-start\",\"index\":0,\"delta\":{\"message\":{\"citations\":{}}}}",
                "{\"type\":\"citation-end\",\"index\":0}",
                "{\"type\":\"message-end\",\"delta\":{\"finish_reason\":\"TOOL_CALL\"}}");

        List<ChatChunk> chunks = translate(events).collectList().block(WAIT);

        List<ToolCall> calls = new ArrayList<>();
        chunks.forEach(chunk -> chunk.choices().forEach(choice -> {
            if (choice.delta().toolCalls() != null) {
                calls.addAll(choice.delta().toolCalls());
            }
        }));
        assertThat(calls).extracting(ToolCall::index).containsOnly(0);
        assertThat(calls).extracting(call -> call.function().arguments()).containsExactly("", "{}");
        assertThat(text(chunks)).isEqualTo("Let me check.");
        // No usage reported: no usage chunk.
        assertThat(choice(chunks.getLast()).finishReason()).isEqualTo("tool_calls");
    }

    @Test
    void errorFinishFailsTheStreamAfterWhatArrived() {
        StepVerifier.create(translate(events(resource("stream-error.sse"))))
                .assertNext(chunk -> assertThat(choice(chunk).delta().role()).isEqualTo("assistant"))
                .assertNext(chunk -> assertThat(choice(chunk).delta().content()).isEqualTo("Partial"))
                .expectErrorSatisfies(failure -> {
                    assertThat(((ProviderException) failure).type()).isEqualTo(ErrorType.UPSTREAM_SERVER_ERROR);
                    assertThat(failure.getMessage()).isEqualTo("internal model failure");
                })
                .verify(WAIT);
    }

    @Test
    void streamWithoutMessageEndIsInterrupted() {
        String text = resource("stream-text.sse");
        String cut = text.substring(0, text.indexOf("event: message-end"));

        StepVerifier.create(translate(events(cut)))
                .expectNextCount(3)
                .expectErrorSatisfies(failure -> assertThat(((ProviderException) failure).type())
                        .isEqualTo(ErrorType.STREAM_INTERRUPTED))
                .verify(WAIT);
    }

    @Test
    void malformedEventsAndOrphanFragmentsAreMalformedResponses() {
        StepVerifier.create(translate(data("{\"type\":\"message-start\",\"id\":\"m\"}", "{not json")))
                .expectNextCount(1)
                .expectErrorSatisfies(failure -> assertThat(((ProviderException) failure).type())
                        .isEqualTo(ErrorType.MALFORMED_RESPONSE))
                .verify(WAIT);
        StepVerifier.create(translate(data("{\"type\":\"tool-call-delta\",\"index\":3,\"delta\":{\"message\":"
                        + "{\"tool_calls\":{\"function\":{\"arguments\":\"{}\"}}}}}")))
                .expectErrorSatisfies(failure -> assertThat(((ProviderException) failure).type())
                        .isEqualTo(ErrorType.MALFORMED_RESPONSE))
                .verify(WAIT);
    }

    @Test
    void endsAtMessageEndWithoutWaitingForTheConnectionToClose() {
        Flux<ServerSentEvent<String>> lingering = data("{\"type\":\"message-start\",\"id\":\"m\"}",
                "{\"type\":\"message-end\",\"delta\":{\"finish_reason\":\"COMPLETE\"}}").concatWith(Flux.never());

        StepVerifier.create(translate(lingering)).expectNextCount(2).verifyComplete();
    }

    @Test
    void theEventLineStandsInOnlyWhenTheTypeIsMissing() {
        Flux<ServerSentEvent<String>> events = Flux.just(
                ServerSentEvent.<String>builder().event("message-start").data("{\"id\":\"m\"}").build(),
                ServerSentEvent.<String>builder().event("ignored").data(
                        "{\"type\":\"content-delta\",\"delta\":{\"message\":{\"content\":{\"text\":\"x\"}}}}").build(),
                ServerSentEvent.<String>builder().comment("keep-alive").build(),
                ServerSentEvent.<String>builder().event("message-end").data(
                        "{\"delta\":{\"finish_reason\":\"MAX_TOKENS\"}}").build());

        List<ChatChunk> chunks = translate(events).collectList().block(WAIT);

        assertThat(chunks).extracting(ChatChunk::id).containsOnly("m");
        assertThat(text(chunks)).isEqualTo("x");
        assertThat(choice(chunks.getLast()).finishReason()).isEqualTo("length");
    }

    private static Flux<ChatChunk> translate(Flux<ServerSentEvent<String>> events) {
        return CohereStreams.chatChunks(offlineEndpoint(), "command-a-03-2025", 1_700_000_000L, events);
    }

    /** Splits an SSE body into events the way the decoder would, keeping the {@code event:} name. */
    private static Flux<ServerSentEvent<String>> events(String body) {
        List<ServerSentEvent<String>> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            ServerSentEvent.Builder<String> event = ServerSentEvent.builder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) {
                    event.event(line.substring(7));
                }
                else if (line.startsWith("data: ")) {
                    event.data(line.substring(6));
                }
            }
            events.add(event.build());
        }
        return Flux.fromIterable(events);
    }

    private static Flux<ServerSentEvent<String>> data(String... json) {
        return Flux.fromArray(json).map(data -> ServerSentEvent.<String>builder().data(data).build());
    }

    private static ChunkChoice choice(ChatChunk chunk) {
        return chunk.choices().getFirst();
    }

    private static String text(List<ChatChunk> chunks) {
        StringBuilder text = new StringBuilder();
        chunks.forEach(chunk -> chunk.choices().forEach(choice -> {
            if (choice.delta().content() != null) {
                text.append(choice.delta().content());
            }
        }));
        return text.toString();
    }
}
