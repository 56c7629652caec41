package ai.switchboard.providers.cohere.internal.api;

/**
 * One content block of an answer or a stream delta: {@code text}, or {@code thinking} from reasoning models, whose
 * text is in {@code thinking} and is never shown as content.
 */
public record CohereContent(String type, String text, String thinking) {

    public static final String TEXT = "text";

    /** Whether this block is answer text (a block without a type is treated as text, as older models send). */
    public boolean isText() {
        return type == null || TEXT.equals(type);
    }
}
