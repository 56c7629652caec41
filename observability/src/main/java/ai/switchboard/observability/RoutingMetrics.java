package ai.switchboard.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counters of routing decisions, for the routing executor to call as it decides: fallbacks, retries, cascade
 * escalations and ensemble member calls. Every tag is a registry name, a step number or an error type. Circuit
 * breaker states and transitions are not here: they come from Resilience4j's own Micrometer binding.
 */
public final class RoutingMetrics {

    private final MeterRegistry registry;
    private final ConcurrentMap<Key, Counter> counters = new ConcurrentHashMap<>();

    public RoutingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A request moved on to another deployment because the previous one failed with {@code errorType}. */
    public void fallback(String route, String errorType) {
        count(GenAiConventions.GATEWAY_FALLBACKS, route, GenAiConventions.ERROR_TYPE, errorType, null, null);
    }

    /** The same deployment ({@code provider}) is tried again after {@code errorType}. */
    public void retry(String route, String provider, String errorType) {
        count(GenAiConventions.GATEWAY_RETRIES, route, GenAiConventions.PROVIDER_NAME, provider,
                GenAiConventions.ERROR_TYPE, errorType);
    }

    /** A cascade escalated to {@code step} (1 is the first escalation). */
    public void cascadeEscalation(String route, int step) {
        count(GenAiConventions.GATEWAY_CASCADE_ESCALATIONS, route, GenAiConventions.STEP, Integer.toString(step),
                null, null);
    }

    /** An ensemble called one member model. */
    public void ensembleMember(String route, String model) {
        count(GenAiConventions.GATEWAY_ENSEMBLE_MEMBERS, route, GenAiConventions.REQUEST_MODEL, model, null, null);
    }

    private void count(String name, String route, String tag, String value, String tag2, String value2) {
        counters.computeIfAbsent(new Key(name, GenAiTags.orNone(route), tag, GenAiTags.orNone(value), tag2,
                GenAiTags.orNone(value2)), this::counter).increment();
    }

    private Counter counter(Key key) {
        Counter.Builder builder = Counter.builder(key.name())
                .description("Routing decisions: " + key.name())
                .tag(GenAiConventions.ROUTE, key.route())
                .tag(key.tag(), key.value());
        if (key.tag2() != null) {
            builder.tag(key.tag2(), key.value2());
        }
        return builder.register(registry);
    }

    private record Key(String name, String route, String tag, String value, String tag2, String value2) {
    }
}
