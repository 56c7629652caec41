package ai.switchboard.tools.agent;

import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.tools.invoke.ArgumentSchema;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Checks a final answer against the agent's {@code response_format} JSON Schema: the answer's text must be one JSON
 * document that matches it. A model may ignore {@code json_schema} (not every provider enforces it), so the gateway
 * checks rather than trusts.
 */
final class AnswerCheck {

    private static final int MAX_PROBLEMS = 5;

    private final ArgumentSchema schema;

    AnswerCheck(ArgumentSchema schema) {
        this.schema = schema;
    }

    /** Readable problems of the answer, empty when it matches. */
    List<String> problems(ChatMessage answer) {
        String text = answer == null ? null : answer.text();
        if (text == null || text.isBlank()) {
            return List.of("the answer is empty");
        }
        JsonNode json;
        try {
            json = WireJson.mapper().readTree(text);
        } catch (JacksonException e) {
            return List.of("the answer is not one JSON document");
        }
        return schema.problems(json, MAX_PROBLEMS);
    }
}
