package ai.switchboard.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * The client-side meters of one upstream attempt: {@value GenAiConventions#CLIENT_OPERATION_DURATION},
 * {@value GenAiConventions#CLIENT_TOKEN_USAGE} by token type, {@value GenAiConventions#CLIENT_TIME_TO_FIRST_CHUNK},
 * and attempts by route, provider and outcome. Used through {@link AttemptObservation}.
 */
public final class ClientAttemptMetrics {

    private final MeterRegistry registry;
    private final ConcurrentMap<AttemptTags, Timer> durations = new ConcurrentHashMap<>();
    private final ConcurrentMap<AttemptTags, Timer> firstChunks = new ConcurrentHashMap<>();
    private final ConcurrentMap<AttemptTags, DistributionSummary> inputTokens = new ConcurrentHashMap<>();
    private final ConcurrentMap<AttemptTags, DistributionSummary> outputTokens = new ConcurrentHashMap<>();
    private final ConcurrentMap<AttemptTags, Counter> attempts = new ConcurrentHashMap<>();

    public ClientAttemptMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void finished(AttemptTags tags, long durationNanos, long inputs, long outputs) {
        durations.computeIfAbsent(tags, this::durationTimer).record(Math.max(0, durationNanos), TimeUnit.NANOSECONDS);
        attempts.computeIfAbsent(tags, this::attemptCounter).increment();
        if (GenAiConventions.NO_ERROR.equals(tags.errorType())) {
            inputTokens.computeIfAbsent(tags, key -> tokenSummary(key, GenAiConventions.TOKEN_TYPE_INPUT))
                    .record(inputs);
            outputTokens.computeIfAbsent(tags, key -> tokenSummary(key, GenAiConventions.TOKEN_TYPE_OUTPUT))
                    .record(outputs);
        }
    }

    void firstChunk(AttemptTags tags, long nanos) {
        firstChunks.computeIfAbsent(tags, this::firstChunkTimer).record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    private Timer durationTimer(AttemptTags key) {
        return Timer.builder(GenAiConventions.CLIENT_OPERATION_DURATION)
                .description("Duration of one upstream GenAI attempt")
                .tags(key.genAi()).tag(GenAiConventions.ERROR_TYPE, key.errorType())
                .serviceLevelObjectives(GenAiBuckets.OPERATION_DURATION)
                .register(registry);
    }

    private Timer firstChunkTimer(AttemptTags key) {
        return Timer.builder(GenAiConventions.CLIENT_TIME_TO_FIRST_CHUNK)
                .description("Time from sending an upstream request to its first streamed chunk")
                .tags(key.genAi())
                .serviceLevelObjectives(GenAiBuckets.TIME_TO_FIRST_TOKEN)
                .register(registry);
    }

    private DistributionSummary tokenSummary(AttemptTags key, String tokenType) {
        return DistributionSummary.builder(GenAiConventions.CLIENT_TOKEN_USAGE)
                .description("Tokens used by one upstream GenAI attempt")
                .tags(key.genAi()).tag(GenAiConventions.TOKEN_TYPE, tokenType)
                .serviceLevelObjectives(GenAiBuckets.TOKENS)
                .register(registry);
    }

    private Counter attemptCounter(AttemptTags key) {
        return Counter.builder(GenAiConventions.GATEWAY_ATTEMPTS)
                .description("Upstream attempts by route, provider and outcome")
                .tag(GenAiConventions.ROUTE, key.route())
                .tag(GenAiConventions.PROVIDER_NAME, key.provider())
                .tag(GenAiConventions.OUTCOME, GenAiConventions.NO_ERROR.equals(key.errorType())
                        ? GenAiConventions.OUTCOME_SUCCESS : GenAiConventions.OUTCOME_FAILURE)
                .tag(GenAiConventions.ERROR_TYPE, key.errorType())
                .register(registry);
    }
}
