package ai.switchboard.registry.declarative;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A prompt in the declarative file: its versions' templates in order (version 1 first) and where its labels point.
 * Stored versions never change, so the file may only add versions after them; {@code labels}, when given, replaces
 * the stored labels.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromptEntry(String name, String description, List<JsonNode> versions, Map<String, Integer> labels) {

    static final Set<String> FIELDS = Set.of("name", "description", "versions", "labels");
}
