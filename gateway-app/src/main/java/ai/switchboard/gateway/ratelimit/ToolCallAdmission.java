package ai.switchboard.gateway.ratelimit;

import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.RateLimitConfig;
import ai.switchboard.registry.RegistrySnapshot;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Counts a tool call through {@code /mcp} as one request against its key's and its team's requests-per-minute
 * limits, the same counters inference requests spend, so MCP traffic cannot escape them. Token limits do not apply:
 * a tool call spends no model tokens. Waits (off the event loop) only for a lease in flight.
 */
@Component
public class ToolCallAdmission {

    private static final Duration LEASE_TIMEOUT = Duration.ofSeconds(2);

    private final SharedRateLimiter limiter;

    public ToolCallAdmission(SharedRateLimiter limiter) {
        this.limiter = limiter;
    }

    /** Completes when the call may go ahead; fails with {@link RateLimitedException} when a limit is spent. */
    public Mono<Void> admit(ApiKeyRecord key, RegistrySnapshot snapshot) {
        return take(snapshot.keyRateLimit(key.id()), "key '" + key.name() + "'", true)
                .then(Mono.defer(() -> take(snapshot.teamRateLimit(key.teamId()), "the key's team", true)));
    }

    private Mono<Void> take(RateLimitConfig limit, String subject, boolean mayWait) {
        if (limit == null || limit.requestsPerMinute() == null) {
            return Mono.empty();
        }
        Take take = limiter.take(limit.id(), false, limiter.perWindow(limit.requestsPerMinute()), 1);
        if (take.status == Take.Status.TAKEN) {
            return Mono.empty();
        }
        if (take.status == Take.Status.WAIT && mayWait) {
            return Mono.fromFuture(take.lease, true).timeout(LEASE_TIMEOUT)
                    .onErrorMap(TimeoutException.class, late -> refused(subject, limiter.windowMillis() / 60))
                    .then(Mono.defer(() -> take(limit, subject, false)));
        }
        return Mono.error(refused(subject, Math.max(1, take.resetMillis)));
    }

    private static RateLimitedException refused(String subject, long retryMillis) {
        return new RateLimitedException("requests", "Rate limit reached for requests per minute on " + subject
                + ". Try again in " + Math.max(1, (retryMillis + 999) / 1000) + " s.", retryMillis);
    }
}
