package ai.switchboard.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The tool calls of agent runs, as OpenTelemetry GenAI {@code execute_tool} spans (children of the run's request
 * span) and the {@value #TOOL_CALL_DURATION} timer. A call is reported once it ended, with its real start and end
 * times. Tags are registry names (agent, tool) and the outcome, never arguments or results.
 */
public final class ToolCallObservations {

    /** How long tool calls of agent runs took, by agent, tool and outcome. */
    public static final String TOOL_CALL_DURATION = "switchboard.agent.tool.duration";

    private final MeterRegistry registry;
    private final Tracer tracer;

    public ToolCallObservations(MeterRegistry registry, Tracer tracer) {
        this.registry = registry;
        this.tracer = tracer;
    }

    /**
     * Reports a tool call that just ended. Non-blocking, never throws.
     *
     * @param parent the run's span context, or {@code null} for a root span (a stored run has no HTTP request)
     * @param outcome {@code ok} or the tool error's code
     */
    public void ended(TraceContext parent, String agent, String tool, String callId, String outcome,
            Duration latency) {
        Timer.builder(TOOL_CALL_DURATION)
                .tag(GenAiConventions.OPERATION_NAME, GenAiConventions.OPERATION_EXECUTE_TOOL)
                .tag(GenAiConventions.AGENT_NAME, GenAiTags.orNone(agent))
                .tag(GenAiConventions.TOOL_NAME, GenAiTags.orNone(tool))
                .tag(GenAiConventions.ERROR_TYPE, "ok".equals(outcome) ? GenAiConventions.NO_ERROR : outcome)
                .register(registry)
                .record(latency);
        long endMicros = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
        Span.Builder builder = tracer.spanBuilder()
                .name(GenAiConventions.OPERATION_EXECUTE_TOOL + " " + GenAiTags.orNone(tool))
                .kind(Span.Kind.CLIENT)
                .startTimestamp(endMicros - TimeUnit.NANOSECONDS.toMicros(latency.toNanos()), TimeUnit.MICROSECONDS)
                .tag(GenAiConventions.OPERATION_NAME, GenAiConventions.OPERATION_EXECUTE_TOOL)
                .tag(GenAiConventions.AGENT_NAME, GenAiTags.orNone(agent))
                .tag(GenAiConventions.TOOL_NAME, GenAiTags.orNone(tool))
                .tag(GenAiConventions.TOOL_TYPE, "function");
        if (callId != null) {
            builder.tag(GenAiConventions.TOOL_CALL_ID, callId);
        }
        if (parent != null) {
            builder.setParent(parent);
        }
        Span span = builder.start();
        if (!"ok".equals(outcome)) {
            span.tag(GenAiConventions.ERROR_TYPE, outcome);
        }
        span.end(endMicros, TimeUnit.MICROSECONDS);
    }
}
