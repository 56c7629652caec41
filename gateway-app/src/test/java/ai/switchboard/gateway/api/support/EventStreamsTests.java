package ai.switchboard.gateway.api.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.web.reactive.function.BodyInserter;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class EventStreamsTests {

    @Test
    void successfulStreamEndsWithDone() {
        MockServerHttpResponse response = write(Flux.just(Map.of("a", 1), Map.of("a", 2)));

        StepVerifier.create(response.getBodyAsString())
                .expectNext("data: {\"a\":1}\n\ndata: {\"a\":2}\n\ndata: [DONE]\n\n")
                .verifyComplete();
    }

    @Test
    void commentsAreFramedSoOpenAiParsersSkipThem() {
        MockServerHttpResponse response = write(Flux.just(new CommentEvent("switchboard.agent.step", Map.of("a", 1)),
                Map.of("c", 3)));

        StepVerifier.create(response.getBodyAsString())
                .expectNext(": switchboard.agent.step {\"a\":1}\n\ndata: {\"c\":3}\n\ndata: [DONE]\n\n")
                .verifyComplete();
    }

    @Test
    void aCommentLabelCannotBreakTheFraming() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CommentEvent("a\ndata: {}", Map.of()));
    }

    @Test
    void failureAfterTheFirstEventEndsWithAnErrorEventAndNoDone() {
        Flux<Map<String, Integer>> broken = Flux.just(Map.of("a", 1))
                .concatWith(Flux.error(ProviderException.of(ErrorType.STREAM_INTERRUPTED, "upstream cut the stream")));

        MockServerHttpResponse response = write(broken);

        String body = response.getBodyAsString().block();
        assertThat(body).startsWith("data: {\"a\":1}\n\n")
                .contains("\"error\":{\"message\":\"upstream cut the stream\",\"type\":\"api_error\"")
                .doesNotContain("[DONE]");
    }

    @Test
    void failureBeforeTheFirstEventPropagatesSoTheStatusCanStillChange() {
        MockServerHttpResponse response = new MockServerHttpResponse();
        BodyInserter<?, ? super MockServerHttpResponse> inserter = EventStreams.body(
                Flux.error(ProviderException.of(ErrorType.RATE_LIMITED, "slow")), 1024);

        StepVerifier.create(inserter.insert(response, context()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ProviderException.class))
                .verify();
        assertThat(response.isCommitted()).isFalse();
    }

    private static MockServerHttpResponse write(Flux<?> events) {
        MockServerHttpResponse response = new MockServerHttpResponse();
        BodyInserter<?, ? super MockServerHttpResponse> inserter = EventStreams.body(events, 1024);
        inserter.insert(response, context()).block();
        return response;
    }

    private static BodyInserter.Context context() {
        return new BodyInserter.Context() {
            @Override
            public java.util.List<org.springframework.http.codec.HttpMessageWriter<?>> messageWriters() {
                return java.util.List.of();
            }

            @Override
            public java.util.Optional<org.springframework.http.server.reactive.ServerHttpRequest> serverRequest() {
                return java.util.Optional.of(MockServerHttpRequest.method(HttpMethod.POST, "/v1/chat/completions").build());
            }

            @Override
            public Map<String, Object> hints() {
                return Map.of();
            }
        };
    }
}
