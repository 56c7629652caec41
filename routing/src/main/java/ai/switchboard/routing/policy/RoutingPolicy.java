package ai.switchboard.routing.policy;

import reactor.core.publisher.Mono;

/**
 * Decides how a route serves one request. Most policies choose and order targets (models or other routes) that
 * execution then tries with failover; composite policies (cascade, ensemble) call targets themselves through
 * {@link RoutingRequest#invoker()} and answer directly.
 *
 * <p>Implementations are immutable, built once per route version, and never block: a policy that needs a model's
 * opinion (a classifier, a judge) asks through the invoker.
 */
@FunctionalInterface
public interface RoutingPolicy {

    Mono<RoutePlan> plan(RoutingRequest request);
}
