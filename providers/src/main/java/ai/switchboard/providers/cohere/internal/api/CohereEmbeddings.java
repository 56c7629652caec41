package ai.switchboard.providers.cohere.internal.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The vectors by embedding type; only {@code float} is requested. Each vector stays a JSON array so that it can be
 * passed to the client without a copy into boxed numbers.
 */
public record CohereEmbeddings(@JsonProperty("float") List<JsonNode> floats) {
}
