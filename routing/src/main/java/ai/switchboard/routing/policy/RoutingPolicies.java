package ai.switchboard.routing.policy;

import ai.switchboard.registry.PromptReference;
import ai.switchboard.registry.RouteConfig;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.route.RoutePolicyInspector;
import ai.switchboard.routing.execution.DeploymentGuards;
import ai.switchboard.routing.execution.LatencyTracker;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;

/**
 * The policy catalog: validates route configurations for the registry and builds each route's policy, once per
 * route version, so the request path only looks it up.
 */
public final class RoutingPolicies implements RoutePolicyInspector {

    private final Map<String, PolicyType> types;
    private final ConcurrentMap<String, Built> built = new ConcurrentHashMap<>();

    public RoutingPolicies(LatencyTracker latency, DeploymentGuards guards) {
        this.types = Map.of(
                PipelinePolicy.NAME, new PolicyType(PipelinePolicy.CONFIG_KEYS, PipelinePolicy::from),
                FallbackPolicy.NAME, new PolicyType(FallbackPolicy.CONFIG_KEYS, FallbackPolicy::from),
                WeightedPolicy.NAME, new PolicyType(WeightedPolicy.CONFIG_KEYS, WeightedPolicy::from),
                LeastLatencyPolicy.NAME, new PolicyType(LeastLatencyPolicy.CONFIG_KEYS,
                        (config, reader) -> LeastLatencyPolicy.from(config, reader, latency, guards)),
                CheapestCapablePolicy.NAME, new PolicyType(CheapestCapablePolicy.CONFIG_KEYS,
                        CheapestCapablePolicy::from),
                RouterPolicy.NAME, new PolicyType(RouterPolicy.CONFIG_KEYS, RouterPolicy::from),
                CascadePolicy.NAME, new PolicyType(CascadePolicy.CONFIG_KEYS, CascadePolicy::from),
                EnsemblePolicy.NAME, new PolicyType(EnsemblePolicy.CONFIG_KEYS, EnsemblePolicy::from),
                SpecialistPolicy.NAME, new PolicyType(SpecialistPolicy.CONFIG_KEYS, SpecialistPolicy::from));
    }

    @Override
    public Set<String> policies() {
        return types.keySet();
    }

    @Override
    public Set<String> inspect(String policy, JsonNode config, FieldErrors errors) {
        ConfiguredPolicy parsed = parse(policy, config, new ConfigReader(errors), true);
        return parsed == null ? Set.of() : parsed.targets();
    }

    @Override
    public Set<PromptReference> prompts(String policy, JsonNode config) {
        ConfiguredPolicy parsed = parse(policy, config, new ConfigReader(new FieldErrors()), false);
        return parsed instanceof PipelinePolicy pipeline ? pipeline.prompts() : Set.of();
    }

    /** The route's policy; its configuration was validated when it was written. */
    public ConfiguredPolicy policyOf(RouteConfig route) {
        Built cached = built.get(route.name());
        if (cached != null && cached.version() == route.updatedEpochMilli() && cached.id().equals(route.id())) {
            return cached.policy();
        }
        FieldErrors errors = new FieldErrors();
        // Unknown keys are refused when a route is written, not when one written before that rule is served.
        ConfiguredPolicy policy = parse(route.policy(), route.config(), new ConfigReader(errors), false);
        if (policy == null || !errors.isEmpty()) {
            throw new IllegalStateException("Route '" + route.name() + "' has an invalid configuration");
        }
        built.put(route.name(), new Built(route.id(), route.updatedEpochMilli(), policy));
        return policy;
    }

    private ConfiguredPolicy parse(String policy, JsonNode config, ConfigReader reader, boolean refuseUnknownKeys) {
        if (config == null || !config.isObject()) {
            reader.error("", "must be a JSON object");
            return null;
        }
        PolicyType type = policy == null ? null : types.get(policy);
        if (type == null) {
            return null;
        }
        if (refuseUnknownKeys) {
            reader.knownKeys(config, type.configKeys());
        }
        return type.parser().apply(config, reader);
    }

    /** A policy's configuration keys and how its configuration is read. */
    private record PolicyType(Set<String> configKeys, BiFunction<JsonNode, ConfigReader, ConfiguredPolicy> parser) {
    }

    private record Built(java.util.UUID id, long version, ConfiguredPolicy policy) {
    }
}
