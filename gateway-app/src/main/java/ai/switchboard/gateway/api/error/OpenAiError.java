package ai.switchboard.gateway.api.error;

import ai.switchboard.routing.execution.Attempt;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The body of an OpenAI error: {@code {"error": {"message", "type", "param", "code"}}}. */
public record OpenAiError(Detail error) {

    public static OpenAiError of(String message, String type, String param, String code) {
        return new OpenAiError(new Detail(message, type, param, code, null));
    }

    /**
     * The inner object; {@code param} and {@code code} are written as {@code null} when unknown, as OpenAI does.
     * {@code attempts} is a gateway extension present only when a routed request failed on every candidate; SDKs
     * ignore unknown fields.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Detail(String message, String type, String param, String code,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Attempt> attempts) {
    }
}
