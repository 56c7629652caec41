package ai.switchboard.gateway.api.mcp;

import ai.switchboard.observability.GenAiConventions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The GenAI {@code execute_tool} span and metric of every tool call through {@code /mcp}. Tags are registry-bound
 * names (the tool, its MCP server) and the outcome; arguments and results are never recorded.
 */
@Component
class McpToolCallTelemetry {

    /** Seconds per tool call, by tool, server and outcome. */
    static final String DURATION = "gen_ai.execute_tool.duration";
    static final String OPERATION = "execute_tool";
    static final String TOOL_NAME = "gen_ai.tool.name";
    static final String MCP_SERVER = "switchboard.mcp.server";

    private final MeterRegistry meters;
    private final Tracer tracer;

    McpToolCallTelemetry(MeterRegistry meters, ObjectProvider<Tracer> tracer) {
        this.meters = meters;
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
    }

    /** Starts the span of a call of {@code tool} ({@code server} null for a tool instance). */
    Span start(String tool, String server) {
        return tracer.spanBuilder().name(OPERATION + " " + tool)
                .tag(GenAiConventions.OPERATION_NAME, OPERATION)
                .tag(TOOL_NAME, tool)
                .tag(MCP_SERVER, server == null ? "none" : server)
                .start();
    }

    /** Ends the span and records the call's time; {@code errorType} null on success. */
    void finish(Span span, String tool, String server, Duration took, String errorType) {
        String error = errorType == null ? GenAiConventions.NO_ERROR : errorType;
        if (errorType != null) {
            span.tag(GenAiConventions.ERROR_TYPE, errorType);
        }
        span.end();
        Timer.builder(DURATION)
                .description("Tool calls through the gateway's MCP endpoint")
                .tag(GenAiConventions.OPERATION_NAME, OPERATION)
                .tag(TOOL_NAME, tool)
                .tag(MCP_SERVER, server == null ? "none" : server)
                .tag(GenAiConventions.OUTCOME, errorType == null ? "success" : "error")
                .tag(GenAiConventions.ERROR_TYPE, error)
                .register(meters)
                .record(took);
    }
}
