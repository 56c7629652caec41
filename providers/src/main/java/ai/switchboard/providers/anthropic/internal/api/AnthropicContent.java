package ai.switchboard.providers.anthropic.internal.api;

/**
 * One content block of a request message. Each block serializes with its own {@code type}; Jackson writes list
 * elements by their runtime class, so a {@code List<AnthropicContent>} needs no type metadata.
 */
public sealed interface AnthropicContent permits TextContent, ImageContent, ToolUseContent, ToolResultContent {

    /** The block's {@code type} on the wire. */
    String type();
}
