package ai.switchboard.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Records {@value GenAiConventions#SERVER_REQUEST_DURATION} per operation, provider, model and error type. Timers are
 * cached per tag combination so the request path does not rebuild meter ids; tags are low-cardinality by contract
 * (registry names and the closed error taxonomy, never a key, user or prompt).
 */
public final class ServerRequestMetrics {

    /** Bucket boundaries suited to LLM calls: from fast cache hits to multi-minute generations. */
    static final Duration[] LLM_LATENCY_BUCKETS = {
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40),
        Duration.ofSeconds(80), Duration.ofSeconds(160), Duration.ofSeconds(300)
    };

    private final MeterRegistry registry;
    private final ConcurrentMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    public ServerRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records one finished request. {@code provider} and {@code model} may be {@code null} when none was chosen. */
    public void record(String operation, String provider, String model, String errorType, Duration duration) {
        TimerKey key = new TimerKey(operation, orUnknown(provider), orUnknown(model), errorType);
        timers.computeIfAbsent(key, this::timer).record(duration);
    }

    private Timer timer(TimerKey key) {
        return Timer.builder(GenAiConventions.SERVER_REQUEST_DURATION)
                .description("Time the gateway took to answer a GenAI request")
                .tag(GenAiConventions.OPERATION_NAME, key.operation())
                .tag(GenAiConventions.PROVIDER_NAME, key.provider())
                .tag(GenAiConventions.REQUEST_MODEL, key.model())
                .tag(GenAiConventions.ERROR_TYPE, key.errorType())
                .serviceLevelObjectives(LLM_LATENCY_BUCKETS)
                .register(registry);
    }

    private static String orUnknown(String value) {
        return value == null ? "unknown" : value;
    }

    private record TimerKey(String operation, String provider, String model, String errorType) {
    }
}
