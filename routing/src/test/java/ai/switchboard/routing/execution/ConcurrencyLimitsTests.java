package ai.switchboard.routing.execution;

import static ai.switchboard.routing.testsupport.TestDeployments.answer;
import static ai.switchboard.routing.testsupport.TestDeployments.chunk;
import static ai.switchboard.routing.testsupport.TestDeployments.deployment;
import static ai.switchboard.routing.testsupport.TestDeployments.model;
import static ai.switchboard.routing.testsupport.TestDeployments.request;
import static ai.switchboard.routing.testsupport.TestExecutors.TIMEOUTS;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.ProviderAdapters;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.registry.ProviderConfig;
import ai.switchboard.routing.Deployment;
import ai.switchboard.routing.RoutingTrace;
import ai.switchboard.routing.testsupport.ScriptedAdapter;
import ai.switchboard.routing.testsupport.TestExecutors;
import io.github.resilience4j.bulkhead.Bulkhead;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Per-deployment concurrency limits: sized by the provider's setting, refused calls fail over or end in a 429 that
 * names the limit, and every way a call ends (answer, failure, timeout, cancellation) gives its permit back.
 */
class ConcurrencyLimitsTests {

    private final ScriptedAdapter adapter = new ScriptedAdapter();
    private final DeploymentGuards guards = new DeploymentGuards(BreakerSettings.defaults(), 3);
    private final FailoverExecutor executor = TestExecutors.executor(adapter, guards);
    private final Deployment a = deployment("a");
    private final Deployment b = deployment("b");

    @Test
    void aProviderSettingOverridesTheDefaultAndABadOneFallsBackToIt() {
        assertThat(limit(guards.bulkhead(a))).isEqualTo(3);
        assertThat(limit(guards.bulkhead(limited("c", "64", 1)))).isEqualTo(64);
        assertThat(limit(guards.bulkhead(limited("d", "-1", 1)))).isEqualTo(3);
        assertThat(limit(guards.bulkhead(limited("e", "many", 1)))).isEqualTo(3);
    }

    @Test
    void aChangedLimitAppliesToNewCallsWhileCallsInFlightReturnTheirPermitsToTheOldOne() {
        Bulkhead before = guards.bulkhead(limited("f", "2", 1));
        assertThat(before.tryAcquirePermission()).isTrue();

        Bulkhead unchanged = guards.bulkhead(limited("f", "2", 2));
        Bulkhead after = guards.bulkhead(limited("f", "5", 3));
        Bulkhead stale = guards.bulkhead(limited("f", "2", 2));
        before.onComplete();

        assertThat(unchanged).isSameAs(before);
        assertThat(limit(after)).isEqualTo(5);
        assertThat(after.getMetrics().getAvailableConcurrentCalls()).isEqualTo(5);
        assertThat(stale).as("a request holding an older snapshot does not size it back").isSameAs(after);
        assertThat(guards.concurrencyLimits().registry().find(limited("f", "5", 3).key())).contains(after);
    }

    @Test
    void cancelledStreamsGiveEveryPermitBack() {
        adapter.stream("up-a", Flux.just(chunk("first")).concatWith(Flux.never()));
        List<Disposable> streams = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            streams.add(executor.stream(Candidates.of(List.of(a)), request("a", "x"), executor.budget(TIMEOUTS),
                    new RoutingTrace("s" + i)).subscribe());
        }
        assertThat(available(a)).isZero();

        streams.forEach(Disposable::dispose);

        assertThat(available(a)).isEqualTo(3);
        assertThat(adapter.calls("up-a")).isEqualTo(3);
    }

    /** The reproduction: 244 of 500 concurrent streams to one deployment were refused by a limit of 256. */
    @Test
    void fiveHundredConcurrentStreamsToOneDeploymentAllStartUnderTheDefaultLimit() {
        DeploymentGuards defaults = new DeploymentGuards(BreakerSettings.defaults(),
                ExecutionSettings.defaults().maxConcurrentCalls());
        FailoverExecutor gateway = TestExecutors.executor(adapter, defaults);
        adapter.stream("up-a", Flux.just(chunk("first")).concatWith(Flux.never()));
        List<Disposable> streams = new ArrayList<>();
        List<Throwable> refused = new ArrayList<>();

        for (int i = 0; i < 500; i++) {
            streams.add(gateway.stream(Candidates.of(List.of(a)), request("a", "x"), gateway.budget(TIMEOUTS),
                    new RoutingTrace("s" + i)).subscribe(chunk -> { }, refused::add));
        }

        assertThat(refused).isEmpty();
        assertThat(adapter.calls("up-a")).isEqualTo(500);
        assertThat(defaults.bulkhead(a).getMetrics().getAvailableConcurrentCalls()).isEqualTo(10_000 - 500);
        streams.forEach(Disposable::dispose);
        assertThat(defaults.bulkhead(a).getMetrics().getAvailableConcurrentCalls()).isEqualTo(10_000);
    }

    @Test
    void answersFailuresTimeoutsAndCancelledCallsAllGiveTheirPermitsBack() {
        adapter.chat("up-a", Mono.just(answer("ok")), Mono.error(ProviderException.of(ErrorType.INVALID_REQUEST,
                "bad")), Mono.never());
        executor.chat(Candidates.of(List.of(a)), request("a", "x"), executor.budget(TIMEOUTS), new RoutingTrace("1"))
                .block();
        executor.chat(Candidates.of(List.of(a)), request("a", "x"), executor.budget(TIMEOUTS), new RoutingTrace("2"))
                .onErrorComplete().block();
        assertThat(available(a)).isEqualTo(3);

        StepVerifier.withVirtualTime(() -> executor.chat(Candidates.of(List.of(a)), request("a", "x"),
                        executor.budget(TIMEOUTS), new RoutingTrace("3")))
                .expectSubscription()
                .then(() -> assertThat(available(a)).isEqualTo(2))
                .thenAwait(Duration.ofSeconds(10))
                .then(() -> assertThat(available(a)).as("after the attempt timeout, before the retry").isEqualTo(3))
                .thenCancel()
                .verify(Duration.ofSeconds(10));
        assertThat(available(a)).isEqualTo(3);
    }

    @Test
    void aFullDeploymentIsSkippedForTheNextCandidate() {
        adapter.stream("up-a", Flux.never());
        adapter.chat("up-b", Mono.just(answer("b")));
        List<Disposable> held = hold(a, 3);
        RoutingTrace trace = new RoutingTrace("r");

        StepVerifier.create(executor.chat(Candidates.of(List.of(a, b)), request("r", "x"), executor.budget(TIMEOUTS),
                        trace))
                .assertNext(response -> assertThat(response.id()).isEqualTo(answer("b").id()))
                .verifyComplete();

        held.forEach(Disposable::dispose);
        assertThat(trace.attempts()).extracting(Attempt::outcome).containsExactly("concurrency_limited", "ok");
        assertThat(guards.circuitBreaker(a).getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void whenEveryCandidateIsFullTheClientIsToldWhichLimitAndWhenToRetry() {
        adapter.stream("up-a", Flux.never());
        List<Disposable> held = hold(a, 3);

        StepVerifier.create(executor.stream(Candidates.of(List.of(a)), request("a", "x"), executor.budget(TIMEOUTS),
                        new RoutingTrace("r")))
                .expectErrorSatisfies(error -> {
                    ProviderException decisive = ((RoutingFailedException) error).decisive();
                    assertThat(decisive.type()).isEqualTo(ErrorType.CONCURRENCY_LIMITED);
                    assertThat(decisive.status()).isEqualTo(429);
                    assertThat(decisive.code()).isEqualTo("deployment_concurrency_limit");
                    assertThat(decisive.retryAfter()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(decisive.getMessage()).contains("'a'", "'p-a'", "3 calls in flight",
                            ConcurrencyLimits.SETTING);
                })
                .verify(Duration.ofSeconds(5));
        held.forEach(Disposable::dispose);
        assertThat(adapter.calls("up-a")).isEqualTo(3);
    }

    @Test
    void aFirstTokenTimeoutGivesThePermitBackBeforeTheNextCandidate() {
        VirtualTimeScheduler timer = VirtualTimeScheduler.create();
        FailoverExecutor timed = new FailoverExecutor(new ProviderAdapters(List.of(adapter)), guards,
                new LatencyTracker(0.5), RetrySettings.defaults(), () -> 0.0, AttemptObserver.NONE, timer);
        adapter.stream("up-a", Flux.never());
        adapter.stream("up-b", Flux.just(chunk("b")).concatWith(Flux.never()));

        Disposable stream = timed.stream(Candidates.of(List.of(a, b)), request("r", "x"), timed.budget(TIMEOUTS),
                new RoutingTrace("r")).subscribe();
        timer.advanceTimeBy(TIMEOUTS.firstToken());

        assertThat(available(a)).isEqualTo(3);
        assertThat(available(b)).isEqualTo(2);
        stream.dispose();
        assertThat(available(b)).isEqualTo(3);
    }

    private List<Disposable> hold(Deployment deployment, int streams) {
        List<Disposable> held = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            held.add(executor.stream(Candidates.of(List.of(deployment)), request(deployment.modelName(), "x"),
                    executor.budget(TIMEOUTS), new RoutingTrace("held-" + i)).subscribe(chunk -> { }, error -> { }));
        }
        assertThat(available(deployment)).isZero();
        return held;
    }

    private int available(Deployment deployment) {
        return guards.bulkhead(deployment).getMetrics().getAvailableConcurrentCalls();
    }

    private static int limit(Bulkhead bulkhead) {
        return bulkhead.getBulkheadConfig().getMaxConcurrentCalls();
    }

    /** Model {@code name} on a provider of the given revision whose settings limit it to {@code maxConcurrentCalls}. */
    private static Deployment limited(String name, String maxConcurrentCalls, long revision) {
        ProviderConfig provider = new ProviderConfig(UUID.nameUUIDFromBytes(name.getBytes()), "p-" + name, "scripted",
                "http://upstream.test/v1", "secret", Map.of(), Duration.ofSeconds(1), Duration.ofSeconds(5),
                Map.of(ConcurrencyLimits.SETTING, maxConcurrentCalls), true, revision);
        return new Deployment(model(name, null, null), provider, new ProviderEndpoint("p-" + name, "scripted",
                URI.create("http://upstream.test/v1"), "secret", Map.of(), null, null, provider.settings(), revision));
    }
}
