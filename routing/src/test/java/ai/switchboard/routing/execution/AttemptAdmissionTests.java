package ai.switchboard.routing.execution;

import static ai.switchboard.routing.testsupport.TestDeployments.answer;
import static ai.switchboard.routing.testsupport.TestDeployments.deployment;
import static ai.switchboard.routing.testsupport.TestDeployments.request;
import static ai.switchboard.routing.testsupport.TestExecutors.TIMEOUTS;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.routing.Deployment;
import ai.switchboard.routing.RoutingTrace;
import ai.switchboard.routing.testsupport.ScriptedAdapter;
import ai.switchboard.routing.testsupport.TestExecutors;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class AttemptAdmissionTests {

    private final ScriptedAdapter adapter = new ScriptedAdapter();
    private final FailoverExecutor executor = TestExecutors.executor(adapter, TestExecutors.guards());
    private final RoutingTrace trace = new RoutingTrace("req-1");
    private final List<String> asked = new CopyOnWriteArrayList<>();

    private final Deployment a = deployment("a");
    private final Deployment b = deployment("b");

    @Test
    void aRefusedDeploymentIsSkippedUncalledAndTheNextCandidateServes() {
        adapter.chat("up-b", Mono.just(answer("from b")));
        trace.admission(deployment -> {
            asked.add(deployment.modelName());
            return deployment == a ? Mono.error(new AttemptRefusedException("a is over its limit",
                    Duration.ofSeconds(7))) : null;
        });

        StepVerifier.create(executor.chat(Candidates.of(List.of(a, b)), request("r", "x"),
                        executor.budget(TIMEOUTS), trace))
                .assertNext(response -> assertThat(response.id()).isEqualTo(answer("from b").id()))
                .verifyComplete();

        assertThat(asked).containsExactly("a", "b");
        assertThat(adapter.calls("up-a")).isZero();
        assertThat(trace.attempts()).extracting(Attempt::outcome).containsExactly("rate_limited", "ok");
        assertThat(trace.served()).isEqualTo(b);
    }

    @Test
    void whenEveryCandidateIsRefusedTheRequestFailsWithTheRefusalAndNoCircuitOpens() {
        trace.admission(deployment -> Mono.error(new AttemptRefusedException(deployment.modelName()
                + " is over its limit", Duration.ofSeconds(7))));

        for (int i = 0; i < 6; i++) {
            StepVerifier.create(executor.chat(Candidates.of(List.of(a, b)), request("r", "x"),
                            executor.budget(TIMEOUTS), trace))
                    .expectErrorSatisfies(failure -> {
                        assertThat(failure).isInstanceOf(RoutingFailedException.class);
                        RoutingFailedException routed = (RoutingFailedException) failure;
                        assertThat(routed.decisive().type()).isEqualTo(ErrorType.RATE_LIMITED);
                        assertThat(routed.decisive().status()).isEqualTo(429);
                        assertThat(routed.decisive().retryAfter()).isEqualTo(Duration.ofSeconds(7));
                    })
                    .verify();
        }

        assertThat(adapter.calls("up-a") + adapter.calls("up-b")).isZero();
        assertThat(executor.guards().circuitBreaker(a).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(executor.guards().circuitBreaker(b).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void anAdmissionThatMustWaitDelaysTheCallUntilItAgrees() {
        adapter.chat("up-a", Mono.just(answer("from a")));
        Sinks.Empty<Void> lease = Sinks.empty();
        trace.admission(deployment -> lease.asMono());

        StepVerifier.create(executor.chat(Candidates.of(List.of(a)), request("a", "x"), executor.budget(TIMEOUTS),
                        trace))
                .expectSubscription()
                .then(() -> assertThat(adapter.calls("up-a")).isZero())
                .then(lease::tryEmitEmpty)
                .expectNextCount(1)
                .verifyComplete();

        assertThat(adapter.calls("up-a")).isOne();
    }

    @Test
    void anOpenCircuitIsSkippedBeforeTheAdmissionIsAsked() {
        CircuitBreaker breaker = executor.guards().circuitBreaker(a);
        breaker.transitionToOpenState();
        adapter.chat("up-b", Mono.just(answer("from b")));
        trace.admission(deployment -> {
            asked.add(deployment.modelName());
            return null;
        });

        StepVerifier.create(executor.chat(Candidates.of(List.of(a, b)), request("r", "x"),
                executor.budget(TIMEOUTS), trace)).expectNextCount(1).verifyComplete();

        assertThat(asked).as("no allowance spent on a deployment that cannot be called").containsExactly("b");
    }
}
