package ai.switchboard.gateway.api.messages.wire;

/** The {@code delta} of {@code content_block_delta}: a fragment of text, tool input or thinking. */
public sealed interface BlockDelta permits TextDelta, InputJsonDelta, ThinkingDelta {

    /** The delta's {@code type}, e.g. {@code text_delta}. */
    String type();
}
