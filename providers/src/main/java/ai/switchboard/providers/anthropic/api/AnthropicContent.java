package ai.switchboard.providers.anthropic.api;

/**
 * One content block of a Messages API message, as the adapter writes it to Anthropic and the {@code /v1/messages}
 * ingress writes it to its clients. Each block serializes with its own {@code type}; Jackson writes list elements by
 * their runtime class, so a {@code List<AnthropicContent>} needs no type metadata.
 */
public sealed interface AnthropicContent permits TextContent, ImageContent, ToolUseContent, ToolResultContent,
        ThinkingContent, RedactedThinkingContent {

    /** The block's {@code type} on the wire. */
    String type();
}
