package ai.switchboard.gateway.agent;

import ai.switchboard.gateway.pipeline.RequestContext;
import ai.switchboard.observability.usage.AgentUsage;
import ai.switchboard.observability.usage.UsageRecord;
import ai.switchboard.observability.usage.UsageRecorder;
import ai.switchboard.registry.mcp.McpToolNames;
import ai.switchboard.tools.agent.ToolCallStep;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * A usage ledger row for every tool call an agent's run makes, as {@code /mcp} writes for a client's: operation
 * {@code execute_tool}, the calling key, the request, the agent and its stored run, the tool (and its MCP server), how
 * long it took and how it ended. No tokens, no cost (a tool call has neither); never its arguments or its result.
 */
@Component
class AgentToolCallLedger {

    private final UsageRecorder usage;
    private final Clock clock;

    AgentToolCallLedger(UsageRecorder usage, Clock clock) {
        this.usage = usage;
        this.clock = clock;
    }

    void record(RequestContext context, String agent, ToolCallStep call) {
        String outcome = call.result().outcome();
        boolean ok = "ok".equals(outcome);
        // A tool instance first (its name may hold "__" too), else an MCP server's tool, named <server>__<tool>.
        String server = context.snapshot().tool(call.tool()) != null ? null : McpToolNames.serverOf(call.tool());
        usage.record(UsageRecord.toolCall(context.requestId(), clock.instant().minus(call.latency()),
                context.key().id(), context.key().prefix(), call.latency(), ok ? 200 : status(outcome),
                ok ? null : outcome, new AgentUsage(agent, context.agentRunId()), server, call.tool()));
    }

    /** The HTTP status that says what the tool's outcome says, as the ledger's other rows do. */
    private static int status(String outcome) {
        return switch (outcome) {
            case "invalid_arguments" -> 400;
            case "refused" -> 403;
            case "timeout" -> 504;
            case "unavailable" -> 503;
            default -> 502;
        };
    }
}
