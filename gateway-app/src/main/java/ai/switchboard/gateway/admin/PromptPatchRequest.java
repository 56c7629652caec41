package ai.switchboard.gateway.admin;

import ai.switchboard.registry.prompt.PromptCommand;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code PATCH /admin/v1/prompts/{id}}: a description, and labels to move ({@code "production": 2}) or
 * remove ({@code "staging": null}). {@code template} is bound only to be refused with a clear message: versions never
 * change.
 */
record PromptPatchRequest(String description, Map<String, Integer> labels, JsonNode template) {

    PromptCommand toCommand() {
        return new PromptCommand(null, description, template == null || template.isNull() ? null : template, null,
                labels);
    }
}
