package ai.switchboard.gateway.api.messages;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.api.messages.wire.MessagesEvent;
import ai.switchboard.gateway.api.messages.wire.PassedThroughEvent;
import ai.switchboard.providers.api.AnthropicMessagesEvent;
import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.web.reactive.function.BodyInserter;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The streams a client is sent: translated or passed through, nothing before content, and a failure either before
 * anything was sent (an HTTP error is still possible) or after (an {@code error} event, never {@code message_stop}).
 */
class MessagesStreamsTests {

    private static final ReplyOptions OPTIONS = new ReplyOptions(List.of(), true);

    @Test
    void aFailureBeforeContentSendsNothingAndLeavesTheStatusOpen() {
        Flux<ChatChunk> chunks = Flux.just(MessagesStreamTranslatorTests.chunk(MessagesStreamTranslatorTests.delta(
                "{\"role\":\"assistant\",\"content\":\"\"}")))
                .concatWith(Flux.error(ProviderException.of(ErrorType.UPSTREAM_UNAVAILABLE, "overloaded")));
        MockServerHttpResponse response = new MockServerHttpResponse();

        StepVerifier.create(MessagesEventStreams.body(MessagesStreams.translate(chunks, OPTIONS), 1024, "req-1",
                        null).insert(response, context()))
                .expectErrorSatisfies(failure -> assertThat(failure).hasMessage("overloaded"))
                .verify();
        assertThat(response.isCommitted()).isFalse();
    }

    @Test
    void aFailureAfterContentEndsWithAnErrorEventAndNoMessageStop() {
        Flux<ChatChunk> chunks = Flux.just(MessagesStreamTranslatorTests.chunk(MessagesStreamTranslatorTests.delta(
                "{\"content\":\"Par\"}")))
                .concatWith(Flux.error(ProviderException.of(ErrorType.UPSTREAM_UNAVAILABLE, "Overloaded")));

        String body = write(MessagesStreams.translate(chunks, OPTIONS));

        assertThat(body).startsWith("event: message_start\n")
                .contains("event: content_block_delta\n")
                .endsWith("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                        + "\"message\":\"Overloaded\"},\"request_id\":\"req-1\"}\n\n")
                .doesNotContain("message_stop");
    }

    @Test
    void passedThroughEventsAreWrittenExactlyAsTheyCame() {
        String data = "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\","
                + "\"text\":\"h\u00e9\"},  \"future_field\":1}";

        String body = write(MessagesStreams.passThrough(Flux.just(event("message_start", "{\"type\":\"message_start\"}"),
                event("content_block_delta", data))));

        assertThat(body).isEqualTo("event: message_start\ndata: {\"type\":\"message_start\"}\n\n"
                + "event: content_block_delta\ndata: " + data + "\n\n");
    }

    @Test
    void passThroughHoldsOpeningEventsUntilContentAndKeepsOnlyTheLatestCandidatesStart() {
        Flux<AnthropicMessagesEvent> upstream = Flux.just(
                event("message_start", "{\"id\":\"from-a\"}"), event("ping", "{}"),
                event("message_start", "{\"id\":\"from-b\"}"), event("ping", "{}"),
                event("content_block_start", "{}"), event("ping", "{}"), event("message_stop", "{}"));

        List<MessagesEvent> events = MessagesStreams.passThrough(upstream).collectList().block();

        assertThat(events).extracting(event -> ((PassedThroughEvent) event).upstream().data())
                .containsExactly("{\"id\":\"from-b\"}", "{}", "{}", "{}", "{}");
        assertThat(events).extracting(MessagesEvent::type)
                .containsExactly("message_start", "ping", "content_block_start", "ping", "message_stop");
    }

    @Test
    void passThroughFailingBeforeContentEmitsNothing() {
        Flux<AnthropicMessagesEvent> upstream = Flux.just(event("message_start", "{}"), event("ping", "{}"))
                .concatWith(Flux.error(ProviderException.of(ErrorType.UPSTREAM_UNAVAILABLE, "overloaded")));

        StepVerifier.create(MessagesStreams.passThrough(upstream))
                .expectError(ProviderException.class)
                .verify();
    }

    private static AnthropicMessagesEvent event(String type, String data) {
        return new AnthropicMessagesEvent(type, data, null);
    }

    private static String write(Flux<MessagesEvent> events) {
        MockServerHttpResponse response = new MockServerHttpResponse();
        MessagesEventStreams.body(events, 1024, "req-1", null).insert(response, context()).block();
        return response.getBodyAsString().block();
    }

    static BodyInserter.Context context() {
        return new BodyInserter.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return List.of();
            }

            @Override
            public java.util.Optional<ServerHttpRequest> serverRequest() {
                return java.util.Optional.of(MockServerHttpRequest.method(HttpMethod.POST, "/v1/messages").build());
            }

            @Override
            public Map<String, Object> hints() {
                return Map.of();
            }
        };
    }
}
