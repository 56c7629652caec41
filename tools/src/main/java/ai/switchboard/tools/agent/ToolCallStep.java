package ai.switchboard.tools.agent;

import ai.switchboard.tools.invoke.ToolResult;
import java.time.Duration;
import java.util.Objects;

/**
 * One tool call of a run, once it ended.
 *
 * @param step the model step that asked for it
 * @param callId the model's id of the call
 * @param arguments the arguments as the model sent them (JSON text, possibly malformed)
 */
public record ToolCallStep(int step, String callId, String tool, String arguments, ToolResult result,
        Duration latency) {

    public ToolCallStep {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(latency, "latency");
    }
}
