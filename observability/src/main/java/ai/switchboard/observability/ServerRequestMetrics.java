package ai.switchboard.observability;

import ai.switchboard.observability.request.RequestSummary;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * The server-side meters of a finished request: {@value GenAiConventions#SERVER_REQUEST_DURATION},
 * {@value GenAiConventions#SERVER_TIME_TO_FIRST_TOKEN}, {@value GenAiConventions#SERVER_TIME_PER_OUTPUT_TOKEN}, the
 * requests counter by route and outcome, and spend by model. Meters are cached per tag combination so the request
 * path does not rebuild meter ids; tags are low-cardinality by contract (registry names and the closed error taxonomy,
 * never a key, user, prompt, or a model name the client typed).
 */
public final class ServerRequestMetrics {

    private final MeterRegistry registry;
    private final ConcurrentMap<GenAiTags, Timer> durations = new ConcurrentHashMap<>();
    private final ConcurrentMap<GenAiTags, Timer> firstTokens = new ConcurrentHashMap<>();
    private final ConcurrentMap<GenAiTags, Timer> perOutputToken = new ConcurrentHashMap<>();
    private final ConcurrentMap<RequestKey, Counter> requests = new ConcurrentHashMap<>();
    private final ConcurrentMap<GenAiTags, Counter> costs = new ConcurrentHashMap<>();

    public ServerRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records every server-side meter of a finished request. */
    public void finished(RequestSummary request) {
        String errorType = request.succeeded() ? GenAiConventions.NO_ERROR : request.errorType();
        GenAiTags tags = GenAiTags.of(request.operation(), request.provider(), request.model(), errorType);
        durations.computeIfAbsent(tags, this::durationTimer).record(Math.max(0, request.latencyNanos()),
                TimeUnit.NANOSECONDS);
        requests.computeIfAbsent(new RequestKey(GenAiTags.orNone(request.route()), request.operation(), errorType),
                this::requestCounter).increment();
        if (request.ttftNanos() >= 0) {
            GenAiTags okTags = GenAiTags.of(request.operation(), request.provider(), request.model(), null);
            firstTokens.computeIfAbsent(okTags, this::firstTokenTimer).record(request.ttftNanos(),
                    TimeUnit.NANOSECONDS);
            if (request.succeeded() && request.outputTokens() > 1) {
                // Semconv: the time per token after the first, i.e. the decode speed a streaming client saw.
                long perToken = (request.latencyNanos() - request.ttftNanos()) / (request.outputTokens() - 1);
                perOutputToken.computeIfAbsent(okTags, this::perOutputTokenTimer).record(Math.max(0, perToken),
                        TimeUnit.NANOSECONDS);
            }
        }
        BigDecimal cost = request.costUsd();
        if (cost != null && cost.signum() > 0) {
            costs.computeIfAbsent(GenAiTags.of(request.operation(), request.provider(), request.model(), null),
                    this::costCounter).increment(cost.doubleValue());
        }
    }

    private Timer durationTimer(GenAiTags key) {
        return Timer.builder(GenAiConventions.SERVER_REQUEST_DURATION)
                .description("Time the gateway took to answer a GenAI request")
                .tags(key.withError())
                .serviceLevelObjectives(GenAiBuckets.OPERATION_DURATION)
                .register(registry);
    }

    private Timer firstTokenTimer(GenAiTags key) {
        return Timer.builder(GenAiConventions.SERVER_TIME_TO_FIRST_TOKEN)
                .description("Time from the request to the first token streamed to the client")
                .tags(key.withoutError())
                .serviceLevelObjectives(GenAiBuckets.TIME_TO_FIRST_TOKEN)
                .register(registry);
    }

    private Timer perOutputTokenTimer(GenAiTags key) {
        return Timer.builder(GenAiConventions.SERVER_TIME_PER_OUTPUT_TOKEN)
                .description("Time per output token after the first, for successful streamed requests")
                .tags(key.withoutError())
                .serviceLevelObjectives(GenAiBuckets.TIME_PER_OUTPUT_TOKEN)
                .register(registry);
    }

    private Counter requestCounter(RequestKey key) {
        return Counter.builder(GenAiConventions.GATEWAY_REQUESTS)
                .description("Finished GenAI requests by route and outcome")
                .tag(GenAiConventions.ROUTE, key.route())
                .tag(GenAiConventions.OPERATION_NAME, key.operation())
                .tag(GenAiConventions.OUTCOME, GenAiConventions.NO_ERROR.equals(key.errorType())
                        ? GenAiConventions.OUTCOME_SUCCESS : GenAiConventions.OUTCOME_FAILURE)
                .tag(GenAiConventions.ERROR_TYPE, key.errorType())
                .register(registry);
    }

    private Counter costCounter(GenAiTags key) {
        return Counter.builder(GenAiConventions.GATEWAY_COST)
                .description("Spend in USD computed from the registry's prices")
                .tags(key.withoutError())
                .register(registry);
    }

    private record RequestKey(String route, String operation, String errorType) {
    }
}
