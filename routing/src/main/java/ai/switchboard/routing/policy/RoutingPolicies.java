package ai.switchboard.routing.policy;

import ai.switchboard.registry.RouteConfig;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.route.RoutePolicyInspector;
import ai.switchboard.routing.execution.DeploymentGuards;
import ai.switchboard.routing.execution.LatencyTracker;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import tools.jackson.databind.JsonNode;

/**
 * The policy catalog: validates route configurations for the registry and builds each route's policy, once per
 * route version, so the request path only looks it up.
 */
public final class RoutingPolicies implements RoutePolicyInspector {

    private static final Set<String> NAMES = Set.of(FallbackPolicy.NAME, WeightedPolicy.NAME,
            LeastLatencyPolicy.NAME, CheapestCapablePolicy.NAME, RouterPolicy.NAME, CascadePolicy.NAME,
            EnsemblePolicy.NAME, SpecialistPolicy.NAME);

    private final LatencyTracker latency;
    private final DeploymentGuards guards;
    private final ConcurrentMap<String, Built> built = new ConcurrentHashMap<>();

    public RoutingPolicies(LatencyTracker latency, DeploymentGuards guards) {
        this.latency = latency;
        this.guards = guards;
    }

    @Override
    public Set<String> policies() {
        return NAMES;
    }

    @Override
    public Set<String> inspect(String policy, JsonNode config, FieldErrors errors) {
        ConfiguredPolicy parsed = parse(policy, config, new ConfigReader(errors));
        return parsed == null ? Set.of() : parsed.targets();
    }

    /** The route's policy; its configuration was validated when it was written. */
    public ConfiguredPolicy policyOf(RouteConfig route) {
        Built cached = built.get(route.name());
        if (cached != null && cached.version() == route.updatedEpochMilli() && cached.id().equals(route.id())) {
            return cached.policy();
        }
        FieldErrors errors = new FieldErrors();
        ConfiguredPolicy policy = parse(route.policy(), route.config(), new ConfigReader(errors));
        if (policy == null || !errors.isEmpty()) {
            throw new IllegalStateException("Route '" + route.name() + "' has an invalid configuration");
        }
        built.put(route.name(), new Built(route.id(), route.updatedEpochMilli(), policy));
        return policy;
    }

    private ConfiguredPolicy parse(String policy, JsonNode config, ConfigReader reader) {
        if (config == null || !config.isObject()) {
            reader.error("", "must be a JSON object");
            return null;
        }
        return switch (policy) {
            case FallbackPolicy.NAME -> FallbackPolicy.from(config, reader);
            case WeightedPolicy.NAME -> WeightedPolicy.from(config, reader);
            case LeastLatencyPolicy.NAME -> LeastLatencyPolicy.from(config, reader, latency, guards);
            case CheapestCapablePolicy.NAME -> CheapestCapablePolicy.from(config, reader);
            case RouterPolicy.NAME -> RouterPolicy.from(config, reader);
            case CascadePolicy.NAME -> CascadePolicy.from(config, reader);
            case EnsemblePolicy.NAME -> EnsemblePolicy.from(config, reader);
            case SpecialistPolicy.NAME -> SpecialistPolicy.from(config, reader);
            default -> null;
        };
    }

    private record Built(java.util.UUID id, long version, ConfiguredPolicy policy) {
    }
}
