package ai.switchboard.gateway.agent;

import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.Usage;
import ai.switchboard.tools.agent.ModelCall;
import ai.switchboard.tools.agent.ToolCallStep;
import java.math.BigDecimal;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One step of a run as clients see it, in a streamed answer's progress events, a stored run and its event stream
 * alike: a {@code model_call} (model, finish reason, tokens, cost) or a {@code tool_call} (tool, arguments as the model
 * sent them, outcome, result as the model read it).
 *
 * @param step the model step, from 1 (a tool call carries the step that asked for it)
 * @param status a model call's finish reason, a tool call's {@code ok} or error code
 * @param result the tool's result envelope; {@code null} for a model call
 * @param costUsd {@code null} when the model has no price (or for a tool call)
 */
public record AgentStep(String type, int step, String model, String callId, String tool, String arguments,
        String status, JsonNode result, Long promptTokens, Long completionTokens, BigDecimal costUsd,
        long latencyMs) {

    public static final String MODEL_CALL = "model_call";
    public static final String TOOL_CALL = "tool_call";

    public AgentStep {
        Objects.requireNonNull(type, "type");
    }

    public static AgentStep of(ModelCall call) {
        ChatResponse response = call.response();
        Usage usage = response.usage();
        String finish = response.choices().isEmpty() ? null : response.choices().get(0).finishReason();
        return new AgentStep(MODEL_CALL, call.step(), response.model(), null, null, null, finish, null,
                usage == null || usage.promptTokens() == null ? null : usage.promptTokens().longValue(),
                usage == null || usage.completionTokens() == null ? null : usage.completionTokens().longValue(),
                call.cost(), call.latency().toMillis());
    }

    public static AgentStep of(ToolCallStep call) {
        return new AgentStep(TOOL_CALL, call.step(), null, call.callId(), call.tool(), call.arguments(),
                call.result().outcome(), call.result().envelope(), null, null, null, call.latency().toMillis());
    }

    /** The step's JSON: absent facts are left out. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("type", type).put("step", step);
        putIfSet(json, "model", model);
        putIfSet(json, "call_id", callId);
        putIfSet(json, "tool", tool);
        putIfSet(json, "arguments", arguments);
        putIfSet(json, "status", status);
        if (result != null) {
            json.set("result", result);
        }
        if (promptTokens != null || completionTokens != null) {
            json.putObject("usage").put("prompt_tokens", promptTokens == null ? 0 : promptTokens)
                    .put("completion_tokens", completionTokens == null ? 0 : completionTokens);
        }
        if (costUsd != null) {
            json.put("cost_usd", costUsd);
        }
        return json.put("latency_ms", latencyMs);
    }

    private static void putIfSet(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }
}
