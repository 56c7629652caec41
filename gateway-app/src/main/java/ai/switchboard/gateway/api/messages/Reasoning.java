package ai.switchboard.gateway.api.messages;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The reasoning text in a canonical message or delta. The canonical model has no field for it; OpenAI-compatible
 * servers that reason (DeepSeek, vLLM, Ollama and others) send it as {@code reasoning_content} or {@code reasoning},
 * which adapters keep among a message's unknown fields.
 */
final class Reasoning {

    private Reasoning() {
    }

    /** The reasoning text, or {@code null} when there is none. */
    static String of(Map<String, JsonNode> extra) {
        if (extra.isEmpty()) {
            return null;
        }
        JsonNode text = extra.get("reasoning_content");
        if (text == null || !text.isString()) {
            text = extra.get("reasoning");
        }
        return text != null && text.isString() && !text.asString().isEmpty() ? text.asString() : null;
    }
}
