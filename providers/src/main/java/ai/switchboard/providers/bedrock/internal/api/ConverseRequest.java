package ai.switchboard.providers.bedrock.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The body of Converse and ConverseStream (the same for both operations). {@code additionalModelRequestFields} holds
 * the model family's own fields, such as Claude's {@code thinking}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConverseRequest(List<SystemContentBlock> system, List<Message> messages, InferenceConfig inferenceConfig,
        ToolConfig toolConfig, JsonNode additionalModelRequestFields) {
}
