package ai.switchboard.gateway.api.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of an OpenAI error: {@code {"error": {"message", "type", "param", "code"}}}. */
public record OpenAiError(Detail error) {

    public static OpenAiError of(String message, String type, String param, String code) {
        return new OpenAiError(new Detail(message, type, param, code));
    }

    /** The inner object; {@code param} and {@code code} are written as {@code null} when unknown, as OpenAI does. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Detail(String message, String type, String param, String code) {
    }
}
