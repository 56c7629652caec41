package ai.switchboard.providers.gemini.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code mode} is {@code AUTO}, {@code ANY} or {@code NONE}; {@code allowedFunctionNames} only goes with ANY. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FunctionCallingConfig(String mode, List<String> allowedFunctionNames) {

    public static final String AUTO = "AUTO";
    public static final String ANY = "ANY";
    public static final String NONE = "NONE";
}
