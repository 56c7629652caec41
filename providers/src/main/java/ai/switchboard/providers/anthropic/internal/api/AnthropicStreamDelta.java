package ai.switchboard.providers.anthropic.internal.api;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The {@code delta} of a stream event. In {@code content_block_delta} it has a {@code type}: {@code text_delta}
 * ({@code text}), {@code input_json_delta} ({@code partial_json}) or {@code thinking_delta} ({@code thinking}); in
 * {@code message_delta} it has no type and carries {@code stop_reason}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AnthropicStreamDelta(String type, String text, String partialJson, String stopReason,
        String stopSequence, String thinking) {

    public static final String TEXT_DELTA = "text_delta";
    public static final String INPUT_JSON_DELTA = "input_json_delta";
    public static final String THINKING_DELTA = "thinking_delta";
}
