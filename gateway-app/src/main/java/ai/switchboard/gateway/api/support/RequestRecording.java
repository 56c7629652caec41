package ai.switchboard.gateway.api.support;

import ai.switchboard.gateway.api.error.ErrorClassification;
import ai.switchboard.observability.RoutingMetrics;
import ai.switchboard.observability.request.RequestObserver;
import ai.switchboard.observability.request.RequestSummary;
import ai.switchboard.observability.usage.ModelPrice;
import ai.switchboard.providers.api.Usage;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.ModelConfig;
import ai.switchboard.routing.Deployment;
import ai.switchboard.routing.RoutingTrace;
import ai.switchboard.routing.execution.Attempt;
import io.micrometer.tracing.Span;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one request did, gathered as it happens and reported exactly once when it ends: succeeded, failed, or
 * abandoned by the client. It travels explicitly with the request (no ThreadLocal); setters may be called from any
 * thread of the reactive pipeline.
 */
public final class RequestRecording {

    /** The status reported for a client that went away before the answer was complete (nginx's convention). */
    static final int CLIENT_CLOSED = 499;

    private final RequestObserver observer;
    private final RoutingMetrics routingMetrics;
    private final String requestId;
    private final Instant startedAt;
    private final long startNanos;
    private final String operation;
    private final ApiKeyRecord key;
    private final Span span;
    private final long maxRequestBytes;
    private final AtomicBoolean reported = new AtomicBoolean();

    private volatile String requestModel;
    private volatile boolean stream;
    private final RoutingTrace trace;
    private volatile long inputTokens;
    private volatile long outputTokens;
    private volatile long cachedTokens;
    private volatile long firstTokenNanos = -1;

    RequestRecording(RequestObserver observer, RoutingMetrics routingMetrics, String requestId, Instant startedAt, long startNanos, String operation,
            ApiKeyRecord key, Span span, long maxRequestBytes) {
        this.trace = new RoutingTrace(requestId);
        this.trace.parentSpan(span == null ? null : span.context());
        this.observer = observer;
        this.routingMetrics = routingMetrics;
        this.requestId = requestId;
        this.startedAt = startedAt;
        this.startNanos = startNanos;
        this.operation = operation;
        this.key = key;
        this.span = span;
        this.maxRequestBytes = maxRequestBytes;
    }

    /** The model or route name the client asked for. */
    public RequestRecording requestModel(String name, boolean streamed) {
        this.requestModel = name;
        this.stream = streamed;
        return this;
    }

    /**
     * The request's routing trace, which learns the route, the attempts and the deployment that answers; it carries
     * the request span as the parent of the attempt spans.
     */
    public RoutingTrace trace() {
        return trace;
    }

    /** Token usage as the answer reported it (OpenAI semantics: cached ⊆ prompt). */
    public void usage(Usage usage) {
        if (usage != null) {
            tokens(orZero(usage.promptTokens()), orZero(usage.completionTokens()), usage.cachedTokens());
        }
    }

    /** Token usage from raw counts. */
    public void tokens(long input, long output, long cached) {
        this.inputTokens = input;
        this.outputTokens = output;
        this.cachedTokens = cached;
    }

    /** Marks the first streamed chunk, for time to first token; later calls are ignored. */
    public void firstToken() {
        if (firstTokenNanos < 0) {
            firstTokenNanos = System.nanoTime();
        }
    }

    public void succeeded() {
        report(200, null);
    }

    public void failed(Throwable failure) {
        ErrorClassification error = ErrorClassification.of(failure, maxRequestBytes);
        report(error.status(), error.metricTag());
    }

    /** The client went away before the answer was complete. */
    public void cancelled() {
        report(CLIENT_CLOSED, "client_closed");
    }

    private void report(int status, String errorType) {
        if (!reported.compareAndSet(false, true)) {
            return;
        }
        long now = System.nanoTime();
        Deployment deployment = trace.served();
        RequestSummary.Builder summary = RequestSummary.builder(requestId, startedAt, operation)
                .requestModel(requestModel)
                .stream(stream)
                .outcome(status, errorType)
                .timing(now - startNanos, firstTokenNanos < 0 ? -1 : firstTokenNanos - startNanos)
                .route(trace.route(), null);
        if (key != null) {
            summary.key(key.id(), key.prefix());
        }
        int cascadeStep = 0;
        for (int step : trace.cascadeEscalations()) {
            routingMetrics.cascadeEscalation(trace.route(), step);
            cascadeStep = Math.max(cascadeStep, step);
        }
        for (String member : trace.ensembleMembers()) {
            routingMetrics.ensembleMember(trace.route(), member);
        }
        int fallbacks = 0;
        for (Attempt attempt : trace.attempts()) {
            if (!attempt.succeeded()) {
                fallbacks++;
            }
        }
        if (deployment != null) {
            ModelConfig model = deployment.model();
            summary.servedBy(model.name(), deployment.providerName(),
                    ModelPrice.of(model.inputPricePerMtok(), model.outputPricePerMtok()));
        }
        summary.tokens(inputTokens + trace.extraPromptTokens(), outputTokens + trace.extraCompletionTokens(),
                        cachedTokens)
                .attempts(trace.attemptCount(), fallbacks, cascadeStep);
        observer.finished(summary.build(), span);
    }

    private static long orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
