package ai.switchboard.routing.policy;

import ai.switchboard.routing.Deployment;
import ai.switchboard.routing.execution.DeploymentGuards;
import ai.switchboard.routing.execution.LatencyTracker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code least-latency}: the targets ordered by their moving average of time to first token (streams) or total
 * latency (JSON answers), fastest first. A deployment with an open circuit goes last; one never measured goes first,
 * so new deployments get measured. Route targets have no measurement of their own and keep their place at the end.
 *
 * <p>Config: {@code {"targets": ["a", "b"], "metric": "auto" | "latency" | "first_token"}}.
 */
public final class LeastLatencyPolicy implements ConfiguredPolicy {

    public static final String NAME = "least-latency";

    /** The configuration keys this policy reads; any other is refused. */
    static final Set<String> CONFIG_KEYS = Set.of("targets", "metric");

    private final List<String> targets;
    private final String metric;
    private final LatencyTracker latency;
    private final DeploymentGuards guards;

    public LeastLatencyPolicy(List<String> targets, String metric, LatencyTracker latency, DeploymentGuards guards) {
        this.targets = List.copyOf(targets);
        this.metric = metric;
        this.latency = latency;
        this.guards = guards;
    }

    static LeastLatencyPolicy from(JsonNode config, ConfigReader reader, LatencyTracker latency,
            DeploymentGuards guards) {
        String metric = reader.optionalString(config.get("metric"), "metric");
        if (metric != null && !List.of("auto", "latency", "first_token").contains(metric)) {
            reader.error("metric", "must be auto, latency or first_token");
        }
        return new LeastLatencyPolicy(reader.names(config.get("targets"), "targets"),
                metric == null ? "auto" : metric, latency, guards);
    }

    @Override
    public Mono<RoutePlan> plan(RoutingRequest request) {
        boolean firstToken = "first_token".equals(metric) || ("auto".equals(metric) && request.chat().isStream());
        List<Ranked> ranked = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            String target = targets.get(i);
            Deployment deployment = request.deployment(target);
            double millis;
            int tier;
            if (deployment == null) {
                millis = Double.MAX_VALUE;
                tier = 2;
            } else {
                double average = firstToken ? latency.firstTokenMillis(deployment.key())
                        : latency.latencyMillis(deployment.key());
                millis = Double.isNaN(average) ? 0 : average;
                tier = guards.available(deployment) ? 0 : 1;
            }
            ranked.add(new Ranked(target, tier, millis, i));
        }
        ranked.sort(Comparator.comparingInt(Ranked::tier).thenComparingDouble(Ranked::millis)
                .thenComparingInt(Ranked::position));
        List<String> order = ranked.stream().map(Ranked::target).toList();
        request.trace().decide("least-latency: " + (firstToken ? "first_token" : "latency") + " order " + order);
        return Mono.just(RoutePlan.targets(order));
    }

    @Override
    public Set<String> targets() {
        return new LinkedHashSet<>(targets);
    }

    private record Ranked(String target, int tier, double millis, int position) {
    }
}
