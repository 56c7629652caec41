package ai.switchboard.routing.execution;

import static ai.switchboard.routing.testsupport.TestDeployments.answer;
import static ai.switchboard.routing.testsupport.TestDeployments.chunk;
import static ai.switchboard.routing.testsupport.TestDeployments.deployment;
import static ai.switchboard.routing.testsupport.TestDeployments.failure;
import static ai.switchboard.routing.testsupport.TestDeployments.rateLimited;
import static ai.switchboard.routing.testsupport.TestDeployments.request;
import static ai.switchboard.routing.testsupport.TestExecutors.TIMEOUTS;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.ProviderAdapters;
import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatDelta;
import ai.switchboard.providers.api.ChunkChoice;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.routing.Deployment;
import ai.switchboard.routing.RoutingTrace;
import ai.switchboard.routing.testsupport.ScriptedAdapter;
import ai.switchboard.routing.testsupport.TestExecutors;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class FailoverExecutorTests {

    private final ScriptedAdapter adapter = new ScriptedAdapter();
    private final FailoverExecutor executor = TestExecutors.executor(adapter, TestExecutors.guards());
    private final RoutingTrace trace = new RoutingTrace("req-1");

    private final Deployment a = deployment("a");
    private final Deployment b = deployment("b");

    @Test
    void serverErrorsAreRetriedWithExponentialBackoff() {
        adapter.chat("up-a", Mono.error(failure(ErrorType.UPSTREAM_SERVER_ERROR, 500)),
                Mono.error(failure(ErrorType.UPSTREAM_UNAVAILABLE, 503)), Mono.just(answer("hi")));

        StepVerifier.withVirtualTime(() -> executor.chat(Candidates.of(List.of(a)),
                request("a", "x"), executor.budget(TIMEOUTS), trace))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(100))
                .thenAwait(Duration.ofMillis(200))
                .assertNext(response -> assertThat(response.choices()).hasSize(1))
                .verifyComplete();

        assertThat(adapter.calls("up-a")).isEqualTo(3);
        assertThat(trace.attempts()).extracting(Attempt::outcome)
                .containsExactly("upstream_server_error", "upstream_unavailable", "ok");
        assertThat(trace.served()).isEqualTo(a);
    }

    @Test
    void rateLimitMovesToTheNextCandidateAtOnce() {
        adapter.chat("up-a", Mono.error(rateLimited(Duration.ofSeconds(30))));
        adapter.chat("up-b", Mono.just(answer("from b")));

        StepVerifier.create(executor.chat(Candidates.of(List.of(a, b)),
                request("r", "x"), executor.budget(TIMEOUTS), trace))
                .assertNext(response -> assertThat(response.id()).isEqualTo(answer("from b").id()))
                .verifyComplete();

        assertThat(adapter.calls("up-a")).isEqualTo(1);
        assertThat(trace.served()).isEqualTo(b);
        assertThat(trace.attempts()).extracting(Attempt::status).containsExactly(429, null);
    }

    @Test
    void rateLimitOnTheLastCandidateWaitsForRetryAfter() {
        adapter.chat("up-a", Mono.error(rateLimited(Duration.ofSeconds(3))), Mono.just(answer("later")));

        StepVerifier.withVirtualTime(() -> executor.chat(Candidates.of(List.of(a)),
                request("a", "x"), executor.budget(TIMEOUTS), trace))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(2_900))
                .thenAwait(Duration.ofMillis(100))
                .expectNextCount(1)
                .verifyComplete();
    }

    @Test
    void retryAfterLongerThanTheCapIsNotWaitedFor() {
        adapter.chat("up-a", Mono.error(rateLimited(Duration.ofSeconds(60))));

        StepVerifier.create(executor.chat(Candidates.of(List.of(a)),
                request("a", "x"), executor.budget(TIMEOUTS), trace))
                .expectErrorSatisfies(error -> {
                    RoutingFailedException failed = (RoutingFailedException) error;
                    assertThat(failed.decisive().type()).isEqualTo(ErrorType.RATE_LIMITED);
                    assertThat(failed.decisive().retryAfter()).isEqualTo(Duration.ofSeconds(60));
                })
                .verify();
        assertThat(adapter.calls("up-a")).isEqualTo(1);
    }

    @Test
    void clientErrorsAreNeitherRetriedNorFailedOver() {
        adapter.chat("up-a", Mono.error(failure(ErrorType.INVALID_REQUEST, 400)));
        adapter.chat("up-b", Mono.just(answer("unused")));

        StepVerifier.create(executor.chat(Candidates.of(List.of(a, b)),
                request("r", "x"), executor.budget(TIMEOUTS), trace))
                .expectErrorSatisfies(error -> assertThat(((RoutingFailedException) error).decisive().status())
                        .isEqualTo(400))
                .verify();
        assertThat(adapter.calls("up-b")).isZero();
    }

    @Test
    void contextOverflowSkipsToACandidateWithALargerWindow() {
        Deployment small = deployment("small", 8_000, null);
        Deployment same = deployment("same", 8_000, null);
        Deployment large = deployment("large", 128_000, null);
        adapter.chat("up-small", Mono.error(failure(ErrorType.CONTEXT_LENGTH_EXCEEDED, 400)));
        adapter.chat("up-same", Mono.just(answer("unused")));
        adapter.chat("up-large", Mono.just(answer("fits")));

        StepVerifier.create(executor.chat(Candidates.of(List.of(small, same, large)),
                request("r", "x"), executor.budget(TIMEOUTS), trace))
                .expectNextCount(1)
                .verifyComplete();
        assertThat(adapter.calls("up-same")).isZero();
        assertThat(trace.served()).isEqualTo(large);
    }

    @Test
    void everyFailedAttemptIsListedWithoutMessages() {
        adapter.chat("up-a", Mono.error(failure(ErrorType.AUTHENTICATION, 401)));
        adapter.chat("up-b", Mono.error(failure(ErrorType.UPSTREAM_SERVER_ERROR, 500)));

        StepVerifier.withVirtualTime(() -> executor.chat(Candidates.of(List.of(a, b)),
                request("r", "x"), executor.budget(TIMEOUTS), trace))
                .thenAwait(Duration.ofSeconds(1))
                .expectErrorSatisfies(error -> {
                    RoutingFailedException failed = (RoutingFailedException) error;
                    assertThat(failed.attempts()).extracting(Attempt::model).containsExactly("a", "b", "b", "b");
                    assertThat(failed.attempts()).extracting(Attempt::outcome).containsExactly("authentication",
                            "upstream_server_error", "upstream_server_error", "upstream_server_error");
                    assertThat(failed.decisive().type()).isEqualTo(ErrorType.UPSTREAM_SERVER_ERROR);
                    assertThat(failed.getMessage()).startsWith("All 4 attempts failed");
                })
                .verify();
    }

    /** The first-token timeout of 1.5 s with a healthy second target used to take 3.2 s (two waits on the first). */

    /** A hanging upstream used to take two attempts of 120 s, whatever the request timeout said. */

    @Test
    void anOpenCircuitSkipsTheDeploymentUntilAProbeSucceeds() {
        CircuitBreaker breaker = executor.guards().circuitBreaker(a);
        adapter.chat("up-a", Mono.just(answer("a")));
        adapter.chat("up-b", Mono.just(answer("b")));
        for (int i = 0; i < 4; i++) {
            breaker.onError(0, java.util.concurrent.TimeUnit.MILLISECONDS, failure(ErrorType.TIMEOUT, 504));
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(executor.guards().available(a)).isFalse();

        StepVerifier.create(executor.chat(Candidates.of(List.of(a, b)),
                request("r", "x"), executor.budget(TIMEOUTS), trace))
                .expectNextCount(1).verifyComplete();
        assertThat(adapter.calls("up-a")).isZero();
        assertThat(trace.attempts()).extracting(Attempt::outcome).containsExactly("circuit_open", "ok");

        breaker.transitionToHalfOpenState();
        StepVerifier.create(executor.chat(Candidates.of(List.of(a, b)),
                request("r", "x"), executor.budget(TIMEOUTS), new RoutingTrace("req-2")))
                .expectNextCount(1).verifyComplete();
        assertThat(adapter.calls("up-a")).isEqualTo(1);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void failuresOpenTheCircuitAndClientErrorsDoNot() {
        adapter.chat("up-a", Mono.error(failure(ErrorType.INVALID_REQUEST, 400)));
        for (int i = 0; i < 4; i++) {
            executor.chat(Candidates.of(List.of(a)),
                    request("a", "x"), executor.budget(TIMEOUTS), new RoutingTrace("r")).onErrorComplete().block();
        }
        assertThat(executor.guards().circuitBreaker(a).getState()).isEqualTo(CircuitBreaker.State.CLOSED);

        adapter.chat("up-b", Mono.error(failure(ErrorType.UPSTREAM_UNAVAILABLE, 503)));
        RetrySettings noRetry = new RetrySettings(0, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO, 1);
        FailoverExecutor once = new FailoverExecutor(new ProviderAdapters(List.of(adapter)), executor.guards(),
                executor.latency(), noRetry, () -> 0.0);
        for (int i = 0; i < 4; i++) {
            once.chat(Candidates.of(List.of(b)),
                    request("b", "x"), once.budget(TIMEOUTS), new RoutingTrace("r")).onErrorComplete().block();
        }
        assertThat(executor.guards().circuitBreaker(b).getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void streamsFailOverBeforeTheFirstChunk() {
        adapter.stream("up-a", Flux.error(failure(ErrorType.UPSTREAM_SERVER_ERROR, 500)));
        adapter.stream("up-b", Flux.just(chunk("one"), chunk("two")));
        RetrySettings noRetry = new RetrySettings(0, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO, 4);
        FailoverExecutor once = new FailoverExecutor(new ProviderAdapters(List.of(adapter)), executor.guards(),
                executor.latency(), noRetry, () -> 0.0);

        StepVerifier.create(once.stream(Candidates.of(List.of(a, b)), request("r", "x"), once.budget(TIMEOUTS), trace))
                .expectNextCount(2)
                .verifyComplete();
        assertThat(trace.served()).isEqualTo(b);
        assertThat(executor.latency().firstTokenMillis(b.key())).isNotNaN();
    }

    @Test
    void aStreamThatBreaksAfterItsFirstChunkIsNeverRetried() {
        adapter.stream("up-a", Flux.just(chunk("partial"))
                .concatWith(Flux.error(failure(ErrorType.STREAM_INTERRUPTED, 0))));
        adapter.stream("up-b", Flux.just(chunk("unused")));

        StepVerifier.create(executor.stream(Candidates.of(List.of(a, b)),
                request("r", "x"), executor.budget(TIMEOUTS), trace))
                .expectNextCount(1)
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(ai.switchboard.providers.api.ProviderException.class))
                .verify();
        assertThat(adapter.calls("up-a")).isEqualTo(1);
        assertThat(adapter.calls("up-b")).isZero();
    }

    /** A role-only opening chunk says nothing another candidate could not say: the stream is not committed yet. */
    @Test
    void aStreamThatBreaksAfterOnlyItsOpeningChunkFailsOverAndTheClientSeesOneCleanStream() {
        ChatChunk opening = new ChatChunk("c", ChatChunk.OBJECT, 1L, "m",
                List.of(new ChunkChoice(0, new ChatDelta("assistant", "", null, null, null), null, null, null)), null,
                null, null);
        adapter.stream("up-a", Flux.just(opening).concatWith(Flux.error(failure(ErrorType.STREAM_INTERRUPTED, 0))));
        adapter.stream("up-b", Flux.just(opening, chunk("from b")));
        RetrySettings noRetry = new RetrySettings(0, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO, 4);
        FailoverExecutor once = new FailoverExecutor(new ProviderAdapters(List.of(adapter)), executor.guards(),
                executor.latency(), noRetry, () -> 0.0);

        StepVerifier.create(once.stream(Candidates.of(List.of(a, b)), request("r", "x"), once.budget(TIMEOUTS), trace))
                .expectNext(opening)
                .assertNext(content -> assertThat(content.choices().get(0).delta().content()).isEqualTo("from b"))
                .verifyComplete();
        assertThat(trace.served()).isEqualTo(b);
        assertThat(trace.attempts()).extracting(Attempt::outcome).containsExactly("stream_interrupted", "ok");
    }
}
