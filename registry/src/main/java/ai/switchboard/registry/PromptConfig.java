package ai.switchboard.registry;

import ai.switchboard.registry.prompt.PromptTemplate;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A prompt template as the request path sees it: every version compiled, and where each label points.
 *
 * @param labels label name to version number
 * @param versions version number to its compiled template
 */
public record PromptConfig(UUID id, String name, Map<String, Integer> labels, Map<Integer, PromptTemplate> versions) {

    /** The label a reference without label or version means, and the one a new prompt's first version gets. */
    public static final String PRODUCTION = "production";

    public PromptConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        labels = Map.copyOf(labels);
        versions = Map.copyOf(versions);
    }

    /** The version a reference names (by version, else by label, else {@code production}), or {@code null}. */
    public Integer resolve(PromptReference reference) {
        Integer version = reference.version() != null ? reference.version()
                : labels.get(reference.label() != null ? reference.label() : PRODUCTION);
        return version != null && versions.containsKey(version) ? version : null;
    }
}
