package ai.switchboard.providers.anthropic.internal.api;

import ai.switchboard.providers.anthropic.api.AnthropicError;
import ai.switchboard.providers.anthropic.api.AnthropicUsage;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One streaming event, bound in one pass whatever its {@code type}: the fields a type does not use stay
 * {@code null}. Event types Anthropic adds later parse too and are skipped by the translator.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AnthropicStreamEvent(
        String type,
        Integer index,
        AnthropicResponse message,
        AnthropicResponseBlock contentBlock,
        AnthropicStreamDelta delta,
        AnthropicUsage usage,
        AnthropicError error) {

    public static final String MESSAGE_START = "message_start";
    public static final String CONTENT_BLOCK_START = "content_block_start";
    public static final String CONTENT_BLOCK_DELTA = "content_block_delta";
    public static final String CONTENT_BLOCK_STOP = "content_block_stop";
    public static final String MESSAGE_DELTA = "message_delta";
    public static final String MESSAGE_STOP = "message_stop";
    public static final String PING = "ping";
    public static final String ERROR = "error";
}
