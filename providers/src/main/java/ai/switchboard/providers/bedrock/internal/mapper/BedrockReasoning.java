package ai.switchboard.providers.bedrock.internal.mapper;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.reasoning.ClaudeThinking;
import ai.switchboard.providers.reasoning.ReasoningEffort;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code reasoning_effort} as the Bedrock model family's own request fields, sent in
 * {@code additionalModelRequestFields}: Claude's {@code thinking} (and {@code output_config.effort} when adaptive),
 * as {@link ClaudeThinking} decides, with the sampling knobs Claude refuses while thinking dropped; Amazon Nova 2's
 * {@code reasoningConfig} ({@code maxReasoningEffort} {@code low}, {@code medium} or {@code high}). Other families
 * get nothing: Converse has no common reasoning field. Claude does not think when the JSON answer is emulated with
 * a forced tool, which it refuses together with thinking.
 *
 * @param additionalFields the fields to send, or {@code null}
 * @param maxTokens the output cap Claude's thinking budget needs, or {@code null} to keep the client's
 * @param dropsSampling whether {@code temperature} (and a low {@code top_p}) must be left out
 */
record BedrockReasoning(JsonNode additionalFields, Integer maxTokens, boolean dropsSampling) {

    /** The cap assumed for the answer itself when a budget is added and the client set none. */
    static final int DEFAULT_ANSWER_TOKENS = 4_096;

    private static final BedrockReasoning NONE = new BedrockReasoning(null, null, false);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static BedrockReasoning of(ChatRequest request, boolean forcedJsonTool) {
        ReasoningEffort effort = ReasoningEffort.of(request);
        String model = request.model() == null ? "" : request.model().toLowerCase(Locale.ROOT);
        if (effort == null) {
            return NONE;
        }
        if (model.contains("claude")) {
            ClaudeThinking.Plan plan = forcedJsonTool ? null : ClaudeThinking.plan(request, model,
                    request.outputTokenLimit(), DEFAULT_ANSWER_TOKENS, null);
            if (plan == null) {
                return NONE;
            }
            ObjectNode fields = NODES.objectNode().set("thinking", plan.thinking());
            if (plan.effort() != null) {
                fields.set("output_config", NODES.objectNode().put("effort", plan.effort()));
            }
            return new BedrockReasoning(fields, plan.maxTokens(), true);
        }
        if (model.contains("nova-2") && !effort.isNone()) {
            String level = switch (effort) {
                case MINIMAL, LOW -> "low";
                case MEDIUM -> "medium";
                default -> "high";
            };
            return new BedrockReasoning(NODES.objectNode().set("reasoningConfig", NODES.objectNode()
                    .put("type", "enabled").put("maxReasoningEffort", level)), null, false);
        }
        return NONE;
    }
}
