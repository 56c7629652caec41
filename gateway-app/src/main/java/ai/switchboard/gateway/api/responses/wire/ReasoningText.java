package ai.switchboard.gateway.api.responses.wire;

/** A text part of a reasoning item: {@code summary_text} in its summary, {@code reasoning_text} in its content. */
public record ReasoningText(String type, String text) {

    public static final String SUMMARY = "summary_text";
    public static final String REASONING = "reasoning_text";

    public static ReasoningText reasoning(String text) {
        return new ReasoningText(REASONING, text);
    }
}
