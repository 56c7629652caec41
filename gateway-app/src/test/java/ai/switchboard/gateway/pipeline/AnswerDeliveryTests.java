package ai.switchboard.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.KeyScope;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class AnswerDeliveryTests {

    private static final ApiKeyRecord KEY = new ApiKeyRecord(UUID.randomUUID(), "app", "sk-sb-abcd", "hash",
            Set.of(KeyScope.INFERENCE), Set.of(), null, false);

    private final List<Integer> endings = new CopyOnWriteArrayList<>();
    private final RequestPipeline pipeline = new RequestPipeline(List.of(new RequestStage() {
        @Override
        public Mono<Void> enter(RequestContext context) {
            return Mono.empty();
        }

        @Override
        public void exit(RequestContext context, Outcome outcome) {
            endings.add(outcome.status());
        }
    }), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    private final AnswerDelivery delivery = new AnswerDelivery();
    private final MockServerWebExchange exchange = MockServerWebExchange.from(
            MockServerHttpRequest.post("/v1/chat/completions"));

    @Test
    void aWrittenAnswerEndsTheRequestAsServed() {
        StepVerifier.create(delivery.filter(exchange, handler(exchange -> exchange.getResponse().setComplete())))
                .verifyComplete();

        assertThat(endings).containsExactly(200);
    }

    @Test
    void aWriteThatFailsOnceTheResponseIsCommittedIsAClientThatWentAway() {
        WebFilterChain brokenPipe = handler(exchange -> exchange.getResponse().setComplete()
                .then(Mono.error(new IOException("Broken pipe"))));

        StepVerifier.create(delivery.filter(exchange, brokenPipe)).verifyError(IOException.class);

        assertThat(endings).containsExactly(499);
    }

    @Test
    void anAnswerThatCouldNotBeSerialisedIsAServerError() {
        StepVerifier.create(delivery.filter(exchange, handler(exchange -> Mono.error(new IllegalStateException(
                "not serialisable"))))).verifyError(IllegalStateException.class);

        assertThat(endings).containsExactly(500);
    }

    @Test
    void aConnectionClosedBeforeTheWriteEndedIsClientClosed() {
        StepVerifier.create(delivery.filter(exchange, handler(exchange -> Mono.never())))
                .thenCancel()
                .verify();

        assertThat(endings).containsExactly(499);
    }

    @Test
    void aConnectionClosedAfterAStreamsLastEventButBeforeItsEndWasServed() {
        // Codex reads up to response.completed and hangs up; the end of the response is not written yet.
        WebFilterChain stream = handler(exchange -> pipeline.stream(exchange.getAttribute(
                RequestContext.class.getName()), context -> Flux.just("delta", "completed")).then(Mono.never()));

        StepVerifier.create(delivery.filter(exchange, stream))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(20))
                .thenCancel()
                .verify();

        assertThat(endings).containsExactly(200);
    }

    @Test
    void aConnectionClosedBeforeAStreamsLastEventIsClientClosed() {
        WebFilterChain stream = handler(exchange -> pipeline.stream(exchange.getAttribute(
                RequestContext.class.getName()), context -> Flux.just("delta").concatWith(Flux.never())).then());

        StepVerifier.create(delivery.filter(exchange, stream))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(20))
                .thenCancel()
                .verify();

        assertThat(endings).containsExactly(499);
    }

    @Test
    void aRequestTheHandlerAlreadyEndedKeepsItsOutcome() {
        WebFilterChain refused = handler(exchange -> {
            RequestContext context = exchange.getAttribute(RequestContext.class.getName());
            context.failed(new IllegalArgumentException("refused"));
            return Mono.error(new IllegalArgumentException("refused"));
        });

        StepVerifier.create(delivery.filter(exchange, refused)).verifyError(IllegalArgumentException.class);

        assertThat(endings).hasSize(1);
    }

    @Test
    void anExchangeWithoutARequestContextIsLeftAlone() {
        StepVerifier.create(delivery.filter(exchange, ignored -> Mono.empty())).verifyComplete();

        assertThat(endings).isEmpty();
    }

    /** A chain whose handler opens a request context on the exchange, then does {@code handle}. */
    private WebFilterChain handler(Function<ServerWebExchange, Mono<Void>> handle) {
        return exchange -> Mono.defer(() -> {
            AnswerDelivery.attach(exchange, pipeline.open("req_1", Api.CHAT, KEY, null, Set.of(), false));
            return handle.apply(exchange);
        });
    }
}
