package ai.switchboard.providers.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A tool call made by the assistant. In a stream chunk it is a fragment: {@code index} says which call it extends,
 * and only the first fragment carries {@code id}, {@code type} and the function name.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolCall(Integer index, String id, String type, FunctionCall function) {

    /** A complete call, as found in a non-streamed message. */
    public static ToolCall of(String id, String name, String arguments) {
        return new ToolCall(null, id, "function", new FunctionCall(name, arguments));
    }
}
