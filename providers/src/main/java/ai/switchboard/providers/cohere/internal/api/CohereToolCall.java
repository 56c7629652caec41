package ai.switchboard.providers.cohere.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A tool call, in requests and responses. In stream deltas it is a single object (not an array), and later
 * fragments carry only {@code function.arguments}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CohereToolCall(String id, String type, CohereFunctionCall function) {
}
