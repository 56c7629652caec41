package ai.switchboard.gateway.admin;

import tools.jackson.databind.JsonNode;

/** The body of {@code POST /admin/v1/prompts/{id}:render}: which version (a label or a number) and its variables. */
record PromptRenderRequest(String label, Integer version, JsonNode variables) {
}
