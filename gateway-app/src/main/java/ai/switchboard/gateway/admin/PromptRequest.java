package ai.switchboard.gateway.admin;

import ai.switchboard.registry.prompt.PromptCommand;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST /admin/v1/prompts} and {@code POST .../{id}/versions}: a template and the labels that
 * point at the new version.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record PromptRequest(String name, String description, JsonNode template, List<String> labels) {

    PromptCommand toCommand() {
        return new PromptCommand(name, description, template == null || template.isNull() ? null : template, labels,
                null);
    }
}
