package ai.switchboard.routing.execution;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.routing.Deployment;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;

/**
 * One circuit breaker and one bulkhead per deployment, named {@link Deployment#key()}. Only failures that say
 * something about the deployment's health count against its circuit: a client's bad request does not.
 */
public final class DeploymentGuards {

    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;

    public DeploymentGuards(BreakerSettings breaker, int maxConcurrentCalls) {
        CircuitBreakerConfig breakerConfig = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumNumberOfCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .waitDurationInOpenState(breaker.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(breaker.permittedCallsInHalfOpenState())
                .recordException(DeploymentGuards::countsAgainstHealth)
                .build();
        this.breakers = CircuitBreakerRegistry.of(breakerConfig);
        // No waiting for a permit: a full deployment is skipped for the next candidate at once.
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(maxConcurrentCalls)
                .maxWaitDuration(Duration.ZERO)
                .build());
    }

    public CircuitBreaker circuitBreaker(Deployment deployment) {
        return breakers.circuitBreaker(deployment.key());
    }

    public Bulkhead bulkhead(Deployment deployment) {
        return bulkheads.bulkhead(deployment.key());
    }

    /** The breakers, for metrics binding and for tests and operators that need to force a state. */
    public CircuitBreakerRegistry circuitBreakers() {
        return breakers;
    }

    /**
     * Whether a deployment would accept a call now: its circuit is closed or half-open, or open long enough to let
     * a probe through. Policies use it to rank candidates; execution still asks the breaker itself.
     */
    public boolean available(Deployment deployment) {
        CircuitBreaker breaker = breakers.find(deployment.key()).orElse(null);
        if (breaker == null) {
            return true;
        }
        CircuitBreaker.State state = breaker.getState();
        return state != CircuitBreaker.State.OPEN && state != CircuitBreaker.State.FORCED_OPEN;
    }

    static boolean countsAgainstHealth(Throwable failure) {
        if (!(failure instanceof ProviderException provider)) {
            return true;
        }
        ErrorType type = provider.type();
        return type.retriable() || type == ErrorType.AUTHENTICATION || type == ErrorType.PERMISSION;
    }
}
