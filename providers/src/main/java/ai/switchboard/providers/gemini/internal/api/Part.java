package ai.switchboard.providers.gemini.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One part of a turn; exactly one of the data fields is set. {@code thought} marks a thought summary (never answer
 * text); {@code thoughtSignature} is the opaque token Gemini needs back on the next turn.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Part(
        String text,
        Boolean thought,
        String thoughtSignature,
        Blob inlineData,
        FunctionCallPart functionCall,
        FunctionResponsePart functionResponse) {

    public static Part text(String text) {
        return new Part(text, null, null, null, null, null);
    }

    public static Part inline(String mimeType, String base64) {
        return new Part(null, null, null, new Blob(mimeType, base64), null, null);
    }

    public static Part call(FunctionCallPart call, String thoughtSignature) {
        return new Part(null, null, thoughtSignature, null, call, null);
    }

    public static Part response(FunctionResponsePart response) {
        return new Part(null, null, null, null, null, response);
    }

    /** Whether this part is a thought summary rather than answer text. */
    public boolean isThought() {
        return Boolean.TRUE.equals(thought);
    }
}
