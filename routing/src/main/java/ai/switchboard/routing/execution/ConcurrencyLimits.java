package ai.switchboard.routing.execution;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.registry.ProviderConfig;
import ai.switchboard.routing.Deployment;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many calls each deployment may have in flight: one semaphore bulkhead per deployment, named
 * {@link Deployment#key()} and sized by its provider's {@value #SETTING} setting, else the gateway's default. A
 * bulkhead protects an upstream that can only run so much at once (a self-hosted server's batch size); the default is
 * sized not to limit a replica's normal streaming traffic.
 *
 * <p>A call over the limit is turned away at once, never queued, so the request moves on to its next candidate. A
 * permit is held from the call's subscription until it completes, fails or is cancelled (a client that goes away
 * frees it). A changed limit applies to calls that start after the provider's change: the deployment gets a new
 * bulkhead, and calls in flight release their permits to the old one. Resizing in place is not used because
 * shrinking a Resilience4j bulkhead blocks the calling thread until enough permits come back.
 */
public final class ConcurrencyLimits {

    /** The provider setting (a positive integer) that limits the calls each of its models may have in flight. */
    public static final String SETTING = "max_concurrent_calls";
    /** What a client turned away by a limit is told to wait: permits come back as calls end, often within a second. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(ConcurrencyLimits.class);

    private final int defaultLimit;
    private final BulkheadRegistry registry = BulkheadRegistry.ofDefaults();
    private final ConcurrentMap<String, Sized> byDeployment = new ConcurrentHashMap<>();

    /** @param defaultLimit calls in flight per deployment whose provider does not set {@value #SETTING} */
    public ConcurrencyLimits(int defaultLimit) {
        if (defaultLimit < 1) {
            throw new IllegalArgumentException("the default concurrency limit must be at least 1");
        }
        this.defaultLimit = defaultLimit;
    }

    /** The deployment's bulkhead for its provider's current revision: one map lookup once built. */
    public Bulkhead bulkhead(Deployment deployment) {
        long revision = deployment.provider().revision();
        Sized current = byDeployment.get(deployment.key());
        // A request still holding an older snapshot keeps the newer size rather than flip it back.
        if (current != null && current.revision() >= revision) {
            return current.bulkhead();
        }
        return byDeployment.compute(deployment.key(), (key, old) -> {
            if (old != null && old.revision() >= revision) {
                return old;
            }
            int limit = limitOf(deployment.provider());
            if (old != null && old.limit() == limit) {
                return new Sized(revision, limit, old.bulkhead());
            }
            if (old == null) {
                return new Sized(revision, limit, registry.bulkhead(key, config(limit)));
            }
            Bulkhead resized = Bulkhead.of(key, config(limit));
            registry.replace(key, resized);
            return new Sized(revision, limit, resized);
        }).bulkhead();
    }

    /** The failure of a call the deployment's limit turned away: says which limit, and when to try again. */
    public ProviderException refused(Deployment deployment) {
        int limit = bulkhead(deployment).getBulkheadConfig().getMaxConcurrentCalls();
        return new ProviderException(ErrorType.CONCURRENCY_LIMITED, ErrorType.CONCURRENCY_LIMITED.defaultStatus(),
                "Model '" + deployment.modelName() + "' of provider '" + deployment.providerName() + "' already has "
                        + limit + " calls in flight, its concurrency limit (" + SETTING + "); retry after "
                        + RETRY_AFTER.toSeconds() + " s",
                null, "deployment_concurrency_limit", RETRY_AFTER, null);
    }

    /** The bulkheads, for metrics (available and maximum concurrent calls per deployment). */
    public BulkheadRegistry registry() {
        return registry;
    }

    private int limitOf(ProviderConfig provider) {
        String configured = provider.settings().get(SETTING);
        if (configured == null) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(configured.trim());
            if (limit > 0) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below, like a number out of range.
        }
        log.warn("Provider '{}' sets {} to '{}', which is not a positive integer; using the default of {}",
                provider.name(), SETTING, configured, defaultLimit);
        return defaultLimit;
    }

    private static BulkheadConfig config(int limit) {
        return BulkheadConfig.custom()
                .maxConcurrentCalls(limit)
                // Turned away at once, never queued: the request moves on to its next candidate instead.
                .maxWaitDuration(Duration.ZERO)
                // Nobody waits, so fairness buys nothing; and a refusal is an expected outcome under load, whose
                // exception need not walk the stack.
                .fairCallHandlingStrategyEnabled(false)
                .writableStackTraceEnabled(false)
                .build();
    }

    private record Sized(long revision, int limit, Bulkhead bulkhead) {
    }
}
