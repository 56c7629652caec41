package ai.switchboard.providers.bedrock.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The body of Converse and ConverseStream (the same for both operations). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConverseRequest(List<SystemContentBlock> system, List<Message> messages, InferenceConfig inferenceConfig,
        ToolConfig toolConfig) {
}
