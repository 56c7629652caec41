package ai.switchboard.providers.cohere.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The function of a tool call; {@code arguments} is the JSON text the model wrote, forwarded byte for byte. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CohereFunctionCall(String name, String arguments) {
}
