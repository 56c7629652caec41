package ai.switchboard.routing.execution;

import static ai.switchboard.routing.testsupport.TestDeployments.answer;
import static ai.switchboard.routing.testsupport.TestDeployments.chunk;
import static ai.switchboard.routing.testsupport.TestDeployments.deployment;
import static ai.switchboard.routing.testsupport.TestDeployments.rateLimited;
import static ai.switchboard.routing.testsupport.TestDeployments.request;
import static ai.switchboard.routing.testsupport.TestExecutors.TIMEOUTS;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.ProviderAdapters;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.routing.Deployment;
import ai.switchboard.routing.RoutingTrace;
import ai.switchboard.routing.testsupport.ScriptedAdapter;
import ai.switchboard.routing.testsupport.TestExecutors;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** How timeouts end attempts and requests, on virtual time: what is left of the request bounds everything. */
class FailoverTimeoutsTests {

    private final ScriptedAdapter adapter = new ScriptedAdapter();
    private final FailoverExecutor executor = TestExecutors.executor(adapter, TestExecutors.guards());
    private final RoutingTrace trace = new RoutingTrace("req-1");

    private final Deployment a = deployment("a");
    private final Deployment b = deployment("b");

    @Test
    void anAttemptTimeoutMovesToTheNextCandidateAtOnce() {
        adapter.chat("up-a", Mono.never());
        adapter.chat("up-b", Mono.just(answer("b")));

        StepVerifier.withVirtualTime(() -> executor.chat(Candidates.of(List.of(a, b)), request("r", "x"),
                        executor.budget(TIMEOUTS), trace))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(9_999))
                .thenAwait(Duration.ofMillis(1))
                .expectNextCount(1)
                .verifyComplete();
        assertThat(adapter.calls("up-a")).as("a silent deployment is not asked again").isEqualTo(1);
        assertThat(trace.attempts()).extracting(Attempt::outcome).containsExactly("timeout", "ok");
    }

    @Test
    void aFirstTokenTimeoutMovesToTheNextCandidateAtOnce() {
        adapter.stream("up-a", Flux.never());
        adapter.stream("up-b", Flux.just(chunk("b")));
        Timeouts firstToken = TIMEOUTS.override(null, null, Duration.ofMillis(1_500));

        StepVerifier.withVirtualTime(() -> executor.stream(Candidates.of(List.of(a, b)), request("r", "x"),
                        executor.budget(firstToken), trace))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(1_499))
                .thenAwait(Duration.ofMillis(1))
                .expectNextCount(1)
                .verifyComplete();
        assertThat(adapter.calls("up-a")).isEqualTo(1);
        assertThat(trace.attempts()).extracting(Attempt::outcome).containsExactly("timeout", "ok");
    }

    @Test
    void aTimeoutIsRetriedOnTheSameDeploymentOnlyWhenNoOtherCandidateIsLeft() {
        adapter.chat("up-a", Mono.never(), Mono.just(answer("second try")));

        StepVerifier.withVirtualTime(() -> executor.chat(Candidates.of(List.of(a)), request("a", "x"),
                        executor.budget(TIMEOUTS), trace))
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(10))
                .expectNoEvent(Duration.ofMillis(99))
                .thenAwait(Duration.ofMillis(1))
                .expectNextCount(1)
                .verifyComplete();
        assertThat(adapter.calls("up-a")).isEqualTo(2);

        RoutingTrace nested = new RoutingTrace("req-2");
        adapter.chat("up-b", Mono.never(), Mono.just(answer("unused")));
        StepVerifier.withVirtualTime(() -> executor.chat(new Candidates(List.of(b), true), request("b", "x"),
                        executor.budget(TIMEOUTS), nested))
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(10))
                .expectErrorSatisfies(error -> assertThat(((RoutingFailedException) error).decisive().type())
                        .isEqualTo(ErrorType.TIMEOUT))
                .verify();
        assertThat(adapter.calls("up-b")).as("another target of the route follows").isEqualTo(1);
    }

    @Test
    void theRequestTimeoutBoundsRetriesBackoffAndEveryAttempt() {
        adapter.chat("up-a", Mono.never());
        Timeouts tight = new Timeouts(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(5),
                Duration.ofSeconds(3));

        StepVerifier.withVirtualTime(() -> executor.chat(Candidates.of(List.of(a)), request("a", "x"),
                        executor.budget(tight), trace))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(14_999))
                .thenAwait(Duration.ofMillis(1))
                .expectErrorSatisfies(error -> TestExecutors.assertRequestTimedOut(error, tight.request()))
                .verify();
        assertThat(adapter.calls("up-a")).as("the retry got what was left: 4.9 s").isEqualTo(2);
    }

    @Test
    void aStreamsFirstTokenTimeoutNeverOutlastsTheRequestTimeout() {
        adapter.stream("up-a", Flux.never());
        adapter.stream("up-b", Flux.just(chunk("too late")));
        Timeouts shortRequest = new Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(5),
                Duration.ofSeconds(3));

        StepVerifier.withVirtualTime(() -> executor.stream(Candidates.of(List.of(a, b)), request("r", "x"),
                        executor.budget(shortRequest), trace))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(2_999))
                .thenAwait(Duration.ofMillis(1))
                .expectErrorSatisfies(error -> assertThat(((RoutingFailedException) error).decisive().type())
                        .isEqualTo(ErrorType.TIMEOUT))
                .verify();
        assertThat(adapter.calls("up-b")).isZero();
    }

    @Test
    void aRetryThatCouldNotStartBeforeTheRequestTimeoutIsNotWaitedFor() {
        adapter.chat("up-a", Mono.error(rateLimited(Duration.ofSeconds(3))), Mono.just(answer("unused")));
        Timeouts twoSeconds = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(2));

        StepVerifier.withVirtualTime(() -> executor.chat(Candidates.of(List.of(a)), request("a", "x"),
                        executor.budget(twoSeconds), trace))
                .expectSubscription()
                .expectErrorSatisfies(error -> {
                    RoutingFailedException failed = (RoutingFailedException) error;
                    assertThat(failed.decisive().type()).as("the upstream's answer, not a timeout")
                            .isEqualTo(ErrorType.RATE_LIMITED);
                    assertThat(failed.decisive().retryAfter()).isEqualTo(Duration.ofSeconds(3));
                })
                .verify(Duration.ofSeconds(5));
        assertThat(adapter.calls("up-a")).isEqualTo(1);
    }

    @Test
    void noAttemptStartsOnceTheRequestTimeoutHasRunOut() {
        VirtualTimeScheduler timer = VirtualTimeScheduler.create();
        FailoverExecutor timed = new FailoverExecutor(new ProviderAdapters(List.of(adapter)), executor.guards(),
                new LatencyTracker(0.5), RetrySettings.defaults(), () -> 0.0, AttemptObserver.NONE, timer);
        adapter.chat("up-a", Mono.just(answer("a")));
        TimeBudget budget = timed.budget(TIMEOUTS);
        timer.advanceTimeBy(TIMEOUTS.request());

        StepVerifier.create(timed.chat(Candidates.of(List.of(a)), request("a", "x"), budget, trace))
                .expectErrorSatisfies(error -> assertThat(((RoutingFailedException) error).decisive().type())
                        .isEqualTo(ErrorType.TIMEOUT))
                .verify(Duration.ofSeconds(5));
        assertThat(adapter.calls("up-a")).isZero();
    }

    @Test
    void theRequestTimeoutEndsEverythingAndListsTheAttempts() {
        adapter.chat("up-a", Mono.never());
        Timeouts tight = new Timeouts(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(5),
                Duration.ofSeconds(3));

        StepVerifier.withVirtualTime(() -> executor.chat(Candidates.of(List.of(a)),
                request("a", "x"), executor.budget(tight), trace))
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(15))
                .expectErrorSatisfies(error -> {
                    RoutingFailedException failed = (RoutingFailedException) error;
                    assertThat(failed.decisive().type()).isEqualTo(ErrorType.TIMEOUT);
                    assertThat(failed.attempts()).hasSize(1);
                })
                .verify();
    }

    @Test
    void anUpstreamThatSendsNothingIsCutOffByTheFirstTokenTimeout() {
        adapter.stream("up-a", Flux.never());
        adapter.stream("up-b", Flux.just(chunk("b")));
        RetrySettings noRetry = new RetrySettings(0, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO, 4);
        FailoverExecutor once = new FailoverExecutor(new ProviderAdapters(List.of(adapter)), executor.guards(),
                executor.latency(), noRetry, () -> 0.0);

        StepVerifier.withVirtualTime(() -> once.stream(Candidates.of(List.of(a, b)),
                request("r", "x"), once.budget(TIMEOUTS), trace))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(4_999))
                .thenAwait(Duration.ofMillis(1))
                .expectNextCount(1)
                .verifyComplete();
        assertThat(trace.attempts()).extracting(Attempt::outcome).containsExactly("timeout", "ok");
    }

    @Test
    void aStalledStreamEndsWithATimeoutAfterTheIdleLimit() {
        adapter.stream("up-a", Flux.just(chunk("one")).concatWith(Flux.never()));

        StepVerifier.withVirtualTime(() -> executor.stream(Candidates.of(List.of(a, b)),
                request("r", "x"), executor.budget(TIMEOUTS), trace))
                .expectSubscription()
                .expectNextCount(1)
                .expectNoEvent(Duration.ofMillis(2_999))
                .thenAwait(Duration.ofMillis(1))
                .expectErrorSatisfies(error -> assertThat(
                        ((ai.switchboard.providers.api.ProviderException) error).type()).isEqualTo(ErrorType.TIMEOUT))
                .verify();
        assertThat(adapter.calls("up-b")).isZero();
    }

    @Test
    void timeoutsAndRetryWaitsRunOnTheGivenTimer() {
        // A timer of its own, not Reactor's parallel scheduler: only advancing it may time the attempts out.
        VirtualTimeScheduler timer = VirtualTimeScheduler.create();
        FailoverExecutor timed = new FailoverExecutor(new ProviderAdapters(List.of(adapter)), executor.guards(),
                new LatencyTracker(0.5),
                new RetrySettings(2, Duration.ofMillis(100), Duration.ofSeconds(1), 0, Duration.ofSeconds(5), 6),
                () -> 0.0, AttemptObserver.NONE, timer);
        adapter.chat("up-a", Mono.never(), Mono.just(answer("second try")));
        AtomicReference<ChatResponse> answered = new AtomicReference<>();

        timed.chat(Candidates.of(List.of(a)), request("a", "x"), timed.budget(TIMEOUTS), trace)
                .subscribe(answered::set);
        assertThat(adapter.calls("up-a")).isEqualTo(1);
        timer.advanceTimeBy(Duration.ofSeconds(10));
        assertThat(adapter.calls("up-a")).as("the retry waits 100 ms on the timer").isEqualTo(1);
        timer.advanceTimeBy(Duration.ofMillis(100));
        assertThat(adapter.calls("up-a")).isEqualTo(2);

        assertThat(answered.get()).isNotNull();
        assertThat(trace.attempts()).extracting(Attempt::outcome).containsExactly("timeout", "ok");
    }
}
