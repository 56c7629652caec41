package ai.switchboard.routing.policy;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.routing.Deployment;
import ai.switchboard.routing.RoutingTrace;
import ai.switchboard.routing.execution.BreakerSettings;
import ai.switchboard.routing.execution.DeploymentGuards;
import ai.switchboard.routing.execution.LatencyTracker;
import ai.switchboard.providers.json.WireJson;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Builds policies from JSON and requests for them, as a route would. */
final class PolicyTestSupport {

    static final LatencyTracker LATENCY = new LatencyTracker(0.5);
    static final DeploymentGuards GUARDS = new DeploymentGuards(BreakerSettings.defaults(), 8);
    static final RoutingPolicies POLICIES = new RoutingPolicies(LATENCY, GUARDS);

    private PolicyTestSupport() {
    }

    static ConfiguredPolicy policy(String name, String json) {
        FieldErrors errors = new FieldErrors();
        POLICIES.inspect(name, WireJson.mapper().readTree(json), errors);
        errors.throwIfAny();
        return POLICIES.policyOf(new ai.switchboard.registry.RouteConfig(java.util.UUID.randomUUID(), "r-" + name
                + json.hashCode(), null, name, WireJson.mapper().readTree(json), null, null, null, null, true, 0,
                System.nanoTime()));
    }

    static RoutingRequest request(ChatRequest chat, String key, Set<String> tags, TargetInvoker invoker,
            Map<String, Deployment> deployments) {
        Function<String, Deployment> resolve = deployments::get;
        return new RoutingRequest(chat, key, tags, new RoutingTrace("t"), invoker, resolve);
    }
}
