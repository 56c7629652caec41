package ai.switchboard.providers.anthropic.internal.api;

import tools.jackson.databind.JsonNode;

/**
 * A content block of an answer, or the {@code content_block} of a stream's {@code content_block_start}: {@code text}
 * has {@code text}; {@code tool_use} has {@code id}, {@code name} and {@code input}; {@code thinking} has
 * {@code thinking}. Other kinds ({@code redacted_thinking}, server tools) are read with only their {@code type} and
 * skipped.
 */
public record AnthropicResponseBlock(String type, String text, String id, String name, JsonNode input,
        String thinking) {

    public static final String TEXT = "text";
    public static final String TOOL_USE = "tool_use";
    public static final String THINKING = "thinking";
}
