package ai.switchboard.gateway.api.mcp;

import ai.switchboard.gateway.agent.ToolInstances;
import ai.switchboard.observability.usage.UsageRecord;
import ai.switchboard.observability.usage.UsageRecorder;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.tools.mcp.McpCallError;
import ai.switchboard.tools.mcp.McpCallOutcome;
import ai.switchboard.tools.mcp.McpClientManager;
import io.micrometer.tracing.Span;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one granted tool for an MCP client and meters it: a usage ledger row (operation {@code execute_tool}, key,
 * server, tool, latency, outcome), the GenAI span and metric. A tool's own failure is a result with
 * {@code isError: true}, as MCP wants, so the client's model can read it; arguments and results never reach a log.
 */
@Component
class McpToolCaller {

    /** A tool instance's run may take this long at most (its own limits may cut it shorter). */
    private static final Duration INSTANCE_TIMEOUT = Duration.ofSeconds(120);

    private final ToolInstances instances;
    private final McpClientManager mcp;
    private final UsageRecorder usage;
    private final McpToolCallTelemetry telemetry;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.shared();

    McpToolCaller(ToolInstances instances, McpClientManager mcp, UsageRecorder usage,
            McpToolCallTelemetry telemetry, Clock clock) {
        this.instances = instances;
        this.mcp = mcp;
        this.usage = usage;
        this.telemetry = telemetry;
        this.clock = clock;
    }

    Mono<McpSchema.CallToolResult> call(GrantedTool tool, Map<String, Object> arguments, ApiKeyRecord key,
            String requestId) {
        Instant started = clock.instant();
        long start = System.nanoTime();
        Span span = telemetry.start(tool.name(), tool.server());
        Mono<Outcome> run = switch (tool) {
            case GrantedTool.Instance instance -> instances.invoker(instance.config())
                    // Checking the arguments may load the schema library's messages from its jar the first time a
                    // check fails: never on an event loop.
                    .flatMap(invoker -> Mono.defer(() -> invoker.invoke(json.writeValueAsString(arguments),
                            INSTANCE_TIMEOUT)).subscribeOn(Schedulers.boundedElastic()))
                    .map(result -> new Outcome(text(result.content(), !result.ok()),
                            result.ok() ? null : result.outcome()))
                    .defaultIfEmpty(new Outcome(text("The tool " + tool.name() + " cannot be run now", true),
                            "unavailable"));
            case GrantedTool.Upstream upstream -> mcp.connection(upstream.server())
                    .map(connection -> connection.callTool(upstream.tool().upstreamName(), arguments))
                    .orElseGet(() -> Mono.just(new McpCallOutcome.Failed(McpCallError.UNAVAILABLE,
                            "The MCP server '" + upstream.server()
                                    + "' is not connected", null)))
                    .map(outcome -> outcome(upstream, outcome));
        };
        return run.doOnNext(outcome -> {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            telemetry.finish(span, tool.name(), tool.server(), took, outcome.errorType());
            meter(key, requestId, started, took, tool.name(), tool.server(),
                    outcome.errorType() == null ? 200 : 502, outcome.errorType());
        }).map(Outcome::result);
    }

    /** A call the key may not make: metered as refused, never run. */
    void refused(ApiKeyRecord key, String requestId, String name, String server, String errorType, int status) {
        meter(key, requestId, clock.instant(), Duration.ZERO, name, server, status, errorType);
    }

    private Outcome outcome(GrantedTool.Upstream tool, McpCallOutcome outcome) {
        return switch (outcome) {
            case McpCallOutcome.Completed completed -> new Outcome(completed.result(),
                    Boolean.TRUE.equals(completed.result().isError()) ? "tool_error" : null);
            case McpCallOutcome.Failed failed -> new Outcome(text("The MCP server '" + tool.server() + "' could not "
                    + "run " + tool.name() + " (" + failed.error().wireName() + "): " + failed.message(), true),
                    failed.error().wireName());
        };
    }

    private void meter(ApiKeyRecord key, String requestId, Instant started, Duration took, String name,
            String server, int status, String errorType) {
        usage.record(UsageRecord.toolCall(requestId, started, key.id(), key.prefix(), took, status, errorType, null,
                server, name));
    }

    private static McpSchema.CallToolResult text(String text, boolean error) {
        return McpSchema.CallToolResult.builder().addTextContent(text).isError(error).build();
    }

    private record Outcome(McpSchema.CallToolResult result, String errorType) {
    }
}
