package ai.switchboard.routing.execution;

import static ai.switchboard.routing.testsupport.TestDeployments.answer;
import static ai.switchboard.routing.testsupport.TestDeployments.chunk;
import static ai.switchboard.routing.testsupport.TestDeployments.deployment;
import static ai.switchboard.routing.testsupport.TestDeployments.request;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.registry.ProviderConfig;
import ai.switchboard.registry.ProviderStatus;
import ai.switchboard.routing.Deployment;
import ai.switchboard.routing.RoutingTrace;
import ai.switchboard.routing.testsupport.ScriptedAdapter;
import ai.switchboard.routing.testsupport.TestExecutors;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** A provider whose stored secrets cannot be decrypted is never called; its requests fail over or get a clear 503. */
class UnavailableProviderFailoverTests {

    private final ScriptedAdapter adapter = new ScriptedAdapter();
    private final FailoverExecutor executor = TestExecutors.executor(adapter, TestExecutors.guards());
    private final RoutingTrace trace = new RoutingTrace("req-1");

    private final Deployment broken = unavailable(deployment("broken"));
    private final Deployment healthy = deployment("healthy");

    @Test
    void aloneItFailsWithA503NamingTheProviderWithoutCallingIt() {
        adapter.chat("up-broken", Mono.just(answer("never")));

        StepVerifier.create(executor.chat(Candidates.of(List.of(broken)), request("broken", "x"), executor.budget(TestExecutors.TIMEOUTS), trace))
                .expectErrorSatisfies(error -> {
                    RoutingFailedException failed = (RoutingFailedException) error;
                    assertThat(failed.decisive().status()).isEqualTo(503);
                    assertThat(failed.decisive().type()).isEqualTo(ErrorType.UPSTREAM_UNAVAILABLE);
                    assertThat(failed.decisive().code()).isEqualTo("provider_unavailable");
                    assertThat(failed.getMessage()).contains("Provider 'p-broken' is unavailable")
                            .contains("cannot be decrypted");
                })
                .verify();

        assertThat(adapter.calls("up-broken")).isZero();
        assertThat(trace.attempts()).extracting(Attempt::outcome).containsExactly(Attempt.PROVIDER_UNAVAILABLE);
        assertThat(executor.guards().circuitBreaker(broken).getMetrics().getNumberOfFailedCalls())
                .as("not the provider's health").isZero();
    }

    @Test
    void routesMoveOnToTheNextCandidateAtOnce() {
        adapter.stream("up-healthy", Flux.just(chunk("hi")));

        StepVerifier.create(executor.stream(Candidates.of(List.of(broken, healthy)), request("r", "x"), executor.budget(TestExecutors.TIMEOUTS),
                trace))
                .expectNextCount(1)
                .verifyComplete();

        assertThat(trace.served()).isEqualTo(healthy);
        assertThat(trace.attempts()).extracting(Attempt::outcome)
                .containsExactly(Attempt.PROVIDER_UNAVAILABLE, Attempt.OK);
    }

    private static Deployment unavailable(Deployment deployment) {
        ProviderConfig p = deployment.provider();
        return new Deployment(deployment.model(), new ProviderConfig(p.id(), p.name(), p.type(), p.baseUrl(), null,
                null, p.connectTimeout(), p.responseTimeout(), p.settings(), p.enabled(), p.revision(),
                ProviderStatus.CREDENTIAL_ERROR), deployment.endpoint());
    }
}
