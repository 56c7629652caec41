package ai.switchboard.routing;

import static ai.switchboard.routing.testsupport.TestDeployments.answer;
import static ai.switchboard.routing.testsupport.TestDeployments.model;
import static ai.switchboard.routing.testsupport.TestDeployments.provider;
import static ai.switchboard.routing.testsupport.TestDeployments.request;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.error.UpstreamErrors;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.registry.RouteConfig;
import ai.switchboard.routing.execution.Attempt;
import ai.switchboard.routing.execution.FailoverExecutor;
import ai.switchboard.routing.policy.RoutingPolicies;
import ai.switchboard.routing.testsupport.ScriptedAdapter;
import ai.switchboard.routing.testsupport.TestExecutors;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Failover across a route's targets, fallbacks and nested routes, on virtual time: one request timeout for all of
 * it, and a deployment that timed out is not asked again while a nested route still has candidates.
 */
class RouteEngineTests {

    /** Real time a verification may take, so a broken run fails instead of hanging the build. */
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ScriptedAdapter adapter = new ScriptedAdapter();
    private final FailoverExecutor executor = TestExecutors.executor(adapter, TestExecutors.guards());
    private final RouteEngine engine = new RouteEngine(new DeploymentResolver(), executor,
            new RoutingPolicies(executor.latency(), executor.guards()), TestExecutors.TIMEOUTS);
    private final RoutingTrace trace = new RoutingTrace("req-1");

    /** The reproduction: a fallback route answered the client 400 instead of falling back. */
    @Test
    void aServerErrorWhoseBodyNamesAnInvalidRequestFallsBack() {
        ProviderEndpoint endpoint = new ProviderEndpoint("p-a", "scripted", URI.create("http://upstream.test/v1"),
                "secret", Map.of(), null, null, Map.of(), 1);
        adapter.chat("up-a", Mono.error(UpstreamErrors.fromResponse(endpoint, 500, new HttpHeaders(),
                "{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\"}}"
                        .getBytes(StandardCharsets.UTF_8))));
        adapter.chat("up-b", Mono.just(answer("from b")));
        RegistrySnapshot snapshot = snapshot(route("r", "a", List.of("b"), null, null));

        StepVerifier.withVirtualTime(() -> engine.chat(call(snapshot, "r")))
                .thenAwait(Duration.ofSeconds(1))
                .assertNext(response -> assertThat(response.id()).isEqualTo(answer("from b").id()))
                .expectComplete()
                .verify(WAIT);
        assertThat(trace.attempts()).extracting(Attempt::outcome).containsExactly("upstream_server_error",
                "upstream_server_error", "upstream_server_error", "ok");
    }

    @Test
    void aTimeoutMovesOnToANestedRouteWithoutAskingTheSilentDeploymentAgain() {
        adapter.chat("up-a", Mono.never(), Mono.just(answer("unused")));
        adapter.chat("up-b", Mono.just(answer("from b")));
        RegistrySnapshot snapshot = snapshot(route("outer", "a", List.of("inner"), null, null),
                route("inner", "b", List.of(), null, null));

        StepVerifier.withVirtualTime(() -> engine.chat(call(snapshot, "outer")))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(9_999))
                .thenAwait(Duration.ofMillis(1))
                .expectNextCount(1)
                .expectComplete()
                .verify(WAIT);
        assertThat(adapter.calls("up-a")).isEqualTo(1);
        assertThat(trace.served().modelName()).isEqualTo("b");
    }

    @Test
    void oneRequestTimeoutBoundsEveryRouteTheRequestPassesThrough() {
        adapter.chat("up-a", Mono.never());
        adapter.chat("up-b", Mono.never());
        RegistrySnapshot snapshot = snapshot(
                route("outer", "a", List.of("inner"), Duration.ofSeconds(15), Duration.ofSeconds(10)),
                route("inner", "b", List.of(), null, null));

        StepVerifier.withVirtualTime(() -> engine.chat(call(snapshot, "outer")))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(14_999))
                .thenAwait(Duration.ofMillis(1))
                .expectErrorSatisfies(error -> TestExecutors.assertRequestTimedOut(error, Duration.ofSeconds(15)))
                .verify(WAIT);
        assertThat(adapter.calls("up-a")).isEqualTo(1);
        assertThat(adapter.calls("up-b")).as("the nested route got what was left, not a request timeout of its own")
                .isEqualTo(1);
    }

    private RouteCall call(RegistrySnapshot snapshot, String route) {
        return new RouteCall(snapshot, new Target.Route(snapshot.route(route)), request(route, "x"), "k", null, trace);
    }

    private static RegistrySnapshot snapshot(RouteConfig... routes) {
        return new RegistrySnapshot(1, List.of(provider("p-a"), provider("p-b")),
                List.of(model("a", null, null), model("b", null, null)), List.of(), List.of(routes));
    }

    private static RouteConfig route(String name, String target, List<String> fallbacks, Duration requestTimeout,
            Duration attemptTimeout) {
        return new RouteConfig(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)), name, null, "fallback",
                WireJson.mapper().readTree("{\"targets\":[\"" + target + "\"]}"), fallbacks, requestTimeout,
                attemptTimeout, null, true, 0, 1);
    }
}
