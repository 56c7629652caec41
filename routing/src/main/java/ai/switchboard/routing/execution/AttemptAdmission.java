package ai.switchboard.routing.execution;

import ai.switchboard.routing.Deployment;
import reactor.core.publisher.Mono;

/**
 * A request's say over each of its attempts, asked before a deployment is called (the gateway's model rate limits
 * for a request that named a route: a route is served by whichever of its models may still be called). Set on the
 * request's {@link ai.switchboard.routing.RoutingTrace}; most requests have none.
 */
@FunctionalInterface
public interface AttemptAdmission {

    /**
     * Asked once per call, after the deployment's circuit breaker and concurrency limit have let it through.
     * {@code null} when the call may go ahead now (the common case, with nothing allocated); otherwise a {@code Mono}
     * that completes once it may, or fails with an {@link AttemptRefusedException} to skip this deployment as an open
     * circuit is skipped: the next candidate is tried, and the request fails with the refusal only if none is left.
     */
    Mono<Void> admit(Deployment deployment);
}
