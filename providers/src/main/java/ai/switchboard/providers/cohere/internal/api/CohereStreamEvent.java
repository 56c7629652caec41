package ai.switchboard.providers.cohere.internal.api;

import tools.jackson.databind.JsonNode;

/**
 * One event of a v2 chat stream, discriminated by {@code type} ({@code message-start}, {@code content-delta},
 * {@code tool-call-start}, ..., {@code message-end}). {@code index} numbers content blocks and tool calls
 * separately; {@code logprobs} accompanies content deltas when requested.
 */
public record CohereStreamEvent(String type, String id, Integer index, CohereStreamDelta delta, JsonNode logprobs) {
}
