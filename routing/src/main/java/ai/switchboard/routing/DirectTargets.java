package ai.switchboard.routing;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.registry.Capability;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.registry.RouteConfig;
import ai.switchboard.routing.execution.RoutingFailedException;
import ai.switchboard.routing.policy.ConfiguredPolicy;
import ai.switchboard.routing.policy.FallbackPolicy;
import ai.switchboard.routing.policy.RoutingPolicies;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands a model or route name into the ordered deployments that serve requests no routing policy reads
 * (embeddings, legacy text completions). Policies decide from chat messages, so such requests are served only
 * through {@code fallback} routes: the route's targets in order, then its fallbacks, nested routes expanded in
 * place. A route with another policy is refused with a message saying so rather than being guessed at.
 */
final class DirectTargets {

    private static final int MAX_DEPTH = 8;

    private final DeploymentResolver resolver;
    private final RoutingPolicies policies;

    DirectTargets(DeploymentResolver resolver, RoutingPolicies policies) {
        this.resolver = resolver;
        this.policies = policies;
    }

    /**
     * Deployments able to serve a resolved target, in failover order: a model is served by its deployment alone
     * (its capabilities were checked when it was resolved), a route by its expansion.
     */
    List<Deployment> expand(RegistrySnapshot snapshot, Target target, RoutingTrace trace, Capability... required) {
        return switch (target) {
            case Target.Model(Deployment deployment) -> List.of(deployment);
            case Target.Route(RouteConfig route) -> expand(snapshot, route.name(), trace, required);
        };
    }

    /** Deployments able to serve {@code name} with every required capability, in failover order. */
    List<Deployment> expand(RegistrySnapshot snapshot, String name, RoutingTrace trace, Capability... required) {
        List<Deployment> deployments = new ArrayList<>(2);
        add(snapshot, name, trace, deployments, 0, required);
        if (deployments.isEmpty()) {
            throw new RoutingFailedException(trace.attempts(), new ProviderException(ErrorType.UPSTREAM_UNAVAILABLE,
                    503, "No enabled model can serve '" + name + "'", "model", "no_healthy_deployment", null, null));
        }
        return deployments;
    }

    private void add(RegistrySnapshot snapshot, String name, RoutingTrace trace, List<Deployment> deployments,
            int depth, Capability... required) {
        if (depth > MAX_DEPTH) {
            throw new RoutingFailedException(trace.attempts(), ProviderException.of(ErrorType.INVALID_REQUEST,
                    "Routes are nested more than " + MAX_DEPTH + " levels deep"));
        }
        RouteConfig route = snapshot.route(name);
        if (route != null) {
            if (route.enabled()) {
                trace.route(route.name());
                List<String> targets = new ArrayList<>(fallbackTargets(route, trace));
                targets.addAll(route.fallbacks());
                for (String target : targets) {
                    add(snapshot, target, trace, deployments, depth + 1, required);
                }
            }
            return;
        }
        Deployment deployment = resolver.resolve(snapshot, name);
        boolean capable = deployment != null;
        for (Capability capability : required) {
            capable = capable && Capabilities.supports(deployment.model(), capability);
        }
        if (!capable) {
            trace.decide("skipped '" + name + "': unknown, disabled or not capable");
        } else if (!deployments.contains(deployment)) {
            deployments.add(deployment);
        }
    }

    private List<String> fallbackTargets(RouteConfig route, RoutingTrace trace) {
        ConfiguredPolicy policy = policies.policyOf(route);
        if (!(policy instanceof FallbackPolicy)) {
            throw new RoutingFailedException(trace.attempts(), new ProviderException(ErrorType.INVALID_REQUEST, 400,
                    "Route '" + route.name() + "' uses policy '" + route.policy() + "', which routes chat requests "
                            + "only; embeddings and text completions are served through 'fallback' routes", "model",
                    "unsupported_route_policy", null, null));
        }
        return List.copyOf(policy.targets());
    }
}
