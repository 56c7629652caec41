package ai.switchboard.providers.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The function part of a tool call; {@code arguments} is a JSON document serialized as a string, exactly as the
 * model produced it (never re-serialized, so a fragment stream concatenates to the same bytes).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FunctionCall(String name, String arguments) {
}
