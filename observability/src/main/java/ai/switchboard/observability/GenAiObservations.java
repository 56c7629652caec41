package ai.switchboard.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

/**
 * The attempt-level hook for the routing executor: {@link #startAttempt} once per upstream call. Spans go through the
 * vendor-neutral Micrometer {@link Tracer} (the application binds it to OpenTelemetry); with {@link Tracer#NOOP} only
 * metrics are recorded.
 */
public final class GenAiObservations {

    private final ClientAttemptMetrics metrics;
    private final Tracer tracer;
    private final boolean contentCaptureAllowed;

    public GenAiObservations(ClientAttemptMetrics metrics, Tracer tracer, boolean contentCaptureAllowed) {
        this.metrics = metrics;
        this.tracer = tracer;
        this.contentCaptureAllowed = contentCaptureAllowed;
    }

    /**
     * Starts observing an attempt. Non-blocking, never throws.
     *
     * @param parent the request span's context (see the gateway's {@code RequestSpans}), or {@code null} for a root
     * @param operation {@code chat}, {@code text_completion} or {@code embeddings}
     * @param route the route being executed, or {@code null}
     * @param provider the provider's registry name
     * @param model the deployment's public model name (registry-bound, so safe as a tag)
     * @param attempt 1 for the first attempt of the request, 2 for the next, ...
     */
    public AttemptObservation startAttempt(TraceContext parent, String operation, String route, String provider,
            String model, int attempt) {
        String safeRoute = GenAiTags.orNone(route);
        String safeProvider = GenAiTags.orNone(provider);
        String safeModel = GenAiTags.orNone(model);
        Span.Builder builder = tracer.spanBuilder()
                .name(operation + " " + safeModel)
                .kind(Span.Kind.CLIENT)
                .tag(GenAiConventions.OPERATION_NAME, operation)
                .tag(GenAiConventions.PROVIDER_NAME, safeProvider)
                .tag(GenAiConventions.REQUEST_MODEL, safeModel)
                .tag(GenAiConventions.ROUTE, safeRoute)
                .tag(GenAiConventions.ATTEMPT, attempt);
        if (parent != null) {
            builder.setParent(parent);
        }
        return new AttemptObservation(metrics, builder.start(), contentCaptureAllowed, operation, safeRoute,
                safeProvider, safeModel);
    }
}
