package ai.switchboard.registry.prompt;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A new prompt (its first version), a new version of one, or a change to a prompt's description and labels.
 *
 * @param template {@code {"text": ...}} or {@code {"messages": [{"role", "content"}]}}; for a new prompt or version
 * @param labels for a new version: the labels moved to it (a new prompt's first version gets {@code production} when
 *     none is given)
 * @param moves for a change: label to version, {@code null} removing the label
 */
public record PromptCommand(String name, String description, JsonNode template, List<String> labels,
        Map<String, Integer> moves) {
}
