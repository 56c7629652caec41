package ai.switchboard.observability.request;

import ai.switchboard.observability.GenAiConventions;
import ai.switchboard.observability.ServerRequestMetrics;
import ai.switchboard.observability.usage.UsageRecord;
import ai.switchboard.observability.usage.UsageRecorder;
import io.micrometer.tracing.Span;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request-level hook: the request path calls {@link #finished} once per request, when it has ended (response
 * sent, stream completed or cancelled, or refused). It records the server metrics, tags the request span with the
 * GenAI and routing attributes, queues the ledger record and writes the access-log line. Non-blocking, and it never
 * throws: observability must not fail a request.
 */
public final class RequestObserver {

    private static final Logger log = LoggerFactory.getLogger(RequestObserver.class);

    private final ServerRequestMetrics metrics;
    private final UsageRecorder usage;
    private final AccessLog accessLog;

    public RequestObserver(ServerRequestMetrics metrics, UsageRecorder usage, AccessLog accessLog) {
        this.metrics = metrics;
        this.usage = usage;
        this.accessLog = accessLog;
    }

    /** Records a finished request; {@code requestSpan} is the server span of the exchange, or {@code null}. */
    public void finished(RequestSummary request, Span requestSpan) {
        try {
            metrics.finished(request);
            if (requestSpan != null) {
                tag(requestSpan, request);
            }
            usage.record(toUsage(request));
            accessLog.log(request);
        } catch (RuntimeException e) {
            log.warn("Could not record request {}: {}", request.requestId(), e.toString());
        }
    }

    static UsageRecord toUsage(RequestSummary r) {
        return new UsageRecord(r.requestId(), r.startedAt(), r.keyId(), r.keyPrefix(), r.operation(), r.route(),
                r.model(), r.modelVersion(), r.provider(), r.inputTokens(), r.outputTokens(), r.cachedTokens(),
                r.costUsd(), millis(r.latencyNanos()),
                r.ttftNanos() < 0 ? null : millis(r.ttftNanos()), r.status(), r.errorType(), r.attempts(), r.cache(),
                r.prompt(), r.agent(), null);
    }

    private static void tag(Span span, RequestSummary r) {
        span.tag(GenAiConventions.REQUEST_ID, r.requestId());
        span.tag(GenAiConventions.OPERATION_NAME, r.operation());
        span.tag(GenAiConventions.STREAM, r.stream());
        span.tag(GenAiConventions.ATTEMPTS, r.attempts());
        span.tag(GenAiConventions.FALLBACKS, r.fallbacks());
        span.tag(GenAiConventions.CASCADE_STEP, r.cascadeStep());
        if (r.route() != null) {
            span.tag(GenAiConventions.ROUTE, r.route());
        }
        if (r.routePolicy() != null) {
            span.tag(GenAiConventions.ROUTE_POLICY, r.routePolicy());
        }
        if (r.model() != null) {
            span.tag(GenAiConventions.REQUEST_MODEL, r.model());
        }
        if (r.modelVersion() != null) {
            span.tag(GenAiConventions.MODEL_VERSION, r.modelVersion());
        }
        if (r.provider() != null) {
            span.tag(GenAiConventions.PROVIDER_NAME, r.provider());
        }
        if (r.prompt() != null) {
            span.tag(GenAiConventions.PROMPT_NAME, r.prompt().name());
            span.tag(GenAiConventions.PROMPT_VERSION, r.prompt().version());
        }
        span.tag(GenAiConventions.USAGE_INPUT_TOKENS, r.inputTokens());
        span.tag(GenAiConventions.USAGE_OUTPUT_TOKENS, r.outputTokens());
        if (r.errorType() != null) {
            span.tag(GenAiConventions.ERROR_TYPE, r.errorType());
        }
    }

    private static int millis(long nanos) {
        return (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(Math.max(0, nanos)));
    }
}
