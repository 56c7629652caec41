package ai.switchboard.providers.anthropic.internal.api;

import ai.switchboard.providers.anthropic.api.TextContent;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A Messages API request body. Anthropic rejects unknown fields, so there is deliberately no catch-all map: only
 * what the mapper decided to send is written.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnthropicRequest(
        String model,
        List<AnthropicMessage> messages,
        List<TextContent> system,
        int maxTokens,
        List<String> stopSequences,
        Double temperature,
        Double topP,
        Integer topK,
        AnthropicMetadata metadata,
        List<AnthropicTool> tools,
        AnthropicToolChoice toolChoice,
        AnthropicOutputConfig outputConfig,
        JsonNode thinking,
        Boolean stream) {
}
