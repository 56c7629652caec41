package ai.switchboard.providers.gemini.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One turn: {@code role} is {@code user} or {@code model} (absent on a system instruction). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Content(String role, List<Part> parts) {

    public static final String USER = "user";
    public static final String MODEL = "model";

    public Content {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }
}
