package ai.switchboard.providers.bedrock.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/**
 * A Converse content block, a union: exactly one field is set. {@code reasoningContent} is read so that it can be
 * skipped knowingly; the gateway never sends it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContentBlock(String text, ImageBlock image, ToolUseBlock toolUse, ToolResultBlock toolResult,
        JsonNode reasoningContent) {

    public static ContentBlock text(String text) {
        return new ContentBlock(text, null, null, null, null);
    }

    public static ContentBlock image(ImageBlock image) {
        return new ContentBlock(null, image, null, null, null);
    }

    public static ContentBlock toolUse(ToolUseBlock toolUse) {
        return new ContentBlock(null, null, toolUse, null, null);
    }

    public static ContentBlock toolResult(ToolResultBlock toolResult) {
        return new ContentBlock(null, null, null, toolResult, null);
    }
}
