package ai.switchboard.routing.policy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** {@code fallback}: the targets in their configured order. Config: {@code {"targets": ["a", "b"]}}. */
public final class FallbackPolicy implements ConfiguredPolicy {

    public static final String NAME = "fallback";

    /** The configuration keys this policy reads; any other is refused. */
    static final Set<String> CONFIG_KEYS = Set.of("targets");

    private final List<String> targets;
    private final Mono<RoutePlan> plan;

    public FallbackPolicy(List<String> targets) {
        this.targets = List.copyOf(targets);
        // The plan never changes, so it is built once instead of per request.
        this.plan = Mono.just(RoutePlan.targets(this.targets));
    }

    static FallbackPolicy from(JsonNode config, ConfigReader reader) {
        return new FallbackPolicy(reader.names(config.get("targets"), "targets"));
    }

    @Override
    public Mono<RoutePlan> plan(RoutingRequest request) {
        return plan;
    }

    @Override
    public Set<String> targets() {
        return new LinkedHashSet<>(targets);
    }
}
