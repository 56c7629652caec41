package ai.switchboard.gateway.admin;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The body of {@code POST /admin/v1/datasets}: the cases come after, as JSONL, to {@code .../{id}/cases}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record DatasetRequest(String name, String description, JsonNode grader, JsonNode template) {
}
