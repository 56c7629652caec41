package ai.switchboard.routing.execution;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.routing.Deployment;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * One circuit breaker and one bulkhead per deployment, named {@link Deployment#key()}. Only failures that say
 * something about the deployment's health count against its circuit ({@link ErrorType#countsAgainstHealth()}): a
 * client's bad request does not. Bulkheads are sized per provider ({@link ConcurrencyLimits}).
 */
public final class DeploymentGuards {

    private final CircuitBreakerRegistry breakers;
    private final ConcurrencyLimits limits;

    /** @param maxConcurrentCalls calls in flight per deployment whose provider sets no limit of its own */
    public DeploymentGuards(BreakerSettings breaker, int maxConcurrentCalls) {
        CircuitBreakerConfig breakerConfig = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumNumberOfCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .waitDurationInOpenState(breaker.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(breaker.permittedCallsInHalfOpenState())
                // Every call to a deployment records its outcome here, from whichever event loop ends it: the default
                // window takes a lock, and calls ending together parked event loops on it.
                .slidingWindowSynchronizationStrategy(
                        CircuitBreakerConfig.SlidingWindowSynchronizationStrategy.LOCK_FREE)
                .recordException(DeploymentGuards::countsAgainstHealth)
                // A call its deployment's concurrency limit or the request's own limits turned away never reached
                // the deployment.
                .ignoreExceptions(BulkheadFullException.class, AttemptRefusedException.class)
                .build();
        this.breakers = CircuitBreakerRegistry.of(breakerConfig);
        this.limits = new ConcurrencyLimits(maxConcurrentCalls);
    }

    public CircuitBreaker circuitBreaker(Deployment deployment) {
        return breakers.circuitBreaker(deployment.key());
    }

    public Bulkhead bulkhead(Deployment deployment) {
        return limits.bulkhead(deployment);
    }

    /** The per-deployment concurrency limits: the failure a refused call ends in, and the bulkheads for metrics. */
    public ConcurrencyLimits concurrencyLimits() {
        return limits;
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
        return !(failure instanceof ProviderException provider) || provider.type().countsAgainstHealth();
    }
}
