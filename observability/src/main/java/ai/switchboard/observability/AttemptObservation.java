package ai.switchboard.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import java.util.List;

/**
 * One upstream attempt, from the executor's point of view: created by {@link GenAiObservations#startAttempt} just
 * before the provider call, told about the first streamed chunk, and ended exactly once with {@link #succeeded} or
 * {@link #failed}. Records the client meters and a CLIENT span (child of the request span) with GenAI attributes.
 * Not thread-safe per instance (one attempt runs on one subscription); calls after the end are ignored.
 */
public final class AttemptObservation {

    private final ClientAttemptMetrics metrics;
    private final Span span;
    private final boolean contentAllowed;
    private final String operation;
    private final String route;
    private final String provider;
    private final String model;
    private final long startNanos = System.nanoTime();
    private long firstChunkNanos = -1;
    private boolean ended;

    AttemptObservation(ClientAttemptMetrics metrics, Span span, boolean contentAllowed, String operation, String route,
            String provider, String model) {
        this.metrics = metrics;
        this.span = span;
        this.contentAllowed = contentAllowed;
        this.operation = operation;
        this.route = route;
        this.provider = provider;
        this.model = model;
    }

    /** The attempt span's context, e.g. for propagating {@code traceparent} to the provider. */
    public TraceContext traceContext() {
        return span.context();
    }

    /** The first chunk of a streamed answer arrived; only the first call counts. */
    public void firstChunk() {
        if (ended || firstChunkNanos >= 0) {
            return;
        }
        firstChunkNanos = System.nanoTime() - startNanos;
        metrics.firstChunk(new AttemptTags(operation, route, provider, model, model, GenAiConventions.NO_ERROR),
                firstChunkNanos);
        span.event("gen_ai.first_chunk");
    }

    /**
     * The attempt answered. {@code responseModel} is the model the provider reported (its registry name when
     * unknown); {@code finishReason} may be {@code null}.
     */
    public void succeeded(String responseModel, long inputTokens, long outputTokens, long cachedTokens,
            String finishReason) {
        if (ended) {
            return;
        }
        ended = true;
        String answered = responseModel == null ? model : responseModel;
        metrics.finished(new AttemptTags(operation, route, provider, model, answered, GenAiConventions.NO_ERROR),
                System.nanoTime() - startNanos, inputTokens, outputTokens);
        span.tag(GenAiConventions.RESPONSE_MODEL, answered);
        span.tag(GenAiConventions.USAGE_INPUT_TOKENS, inputTokens);
        span.tag(GenAiConventions.USAGE_OUTPUT_TOKENS, outputTokens);
        if (cachedTokens > 0) {
            span.tag(GenAiConventions.USAGE_CACHED_INPUT_TOKENS, cachedTokens);
        }
        if (finishReason != null) {
            span.tagOfStrings(GenAiConventions.RESPONSE_FINISH_REASONS, List.of(finishReason));
        }
        span.end();
    }

    /** The attempt failed with an error type of the gateway's taxonomy. */
    public void failed(String errorType) {
        if (ended) {
            return;
        }
        ended = true;
        String error = errorType == null ? "_OTHER" : errorType;
        metrics.finished(new AttemptTags(operation, route, provider, model, GenAiConventions.NONE, error),
                System.nanoTime() - startNanos, 0, 0);
        span.tag(GenAiConventions.ERROR_TYPE, error);
        span.end();
    }

    /**
     * Records prompt and completion on the span, only when the route opted in and the operator allows capture
     * ({@code switchboard.tracing.content-capture-allowed}); otherwise does nothing. Content never goes to metrics or
     * logs.
     */
    public void content(boolean routeOptsIn, String inputMessagesJson, String outputMessagesJson) {
        if (!routeOptsIn || !contentAllowed || ended) {
            return;
        }
        if (inputMessagesJson != null) {
            span.tag(GenAiConventions.INPUT_MESSAGES, inputMessagesJson);
        }
        if (outputMessagesJson != null) {
            span.tag(GenAiConventions.OUTPUT_MESSAGES, outputMessagesJson);
        }
    }
}
