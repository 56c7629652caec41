package ai.switchboard.providers.gemini.internal.api;

import tools.jackson.databind.JsonNode;

/** One vector; kept as the JSON array so a float answer passes to the client without a copy into numbers. */
public record ContentEmbedding(JsonNode values) {
}
