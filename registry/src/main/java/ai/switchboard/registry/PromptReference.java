package ai.switchboard.registry;

import java.util.Objects;

/**
 * A reference to a prompt template by name and either a label or a version; with neither it means the
 * {@value PromptConfig#PRODUCTION} label.
 */
public record PromptReference(String prompt, String label, Integer version) {

    public PromptReference {
        Objects.requireNonNull(prompt, "prompt");
        if (label != null && version != null) {
            throw new IllegalArgumentException("a prompt reference names a label or a version, not both");
        }
    }

    @Override
    public String toString() {
        return prompt + (version != null ? "@" + version : "#" + (label == null ? PromptConfig.PRODUCTION : label));
    }
}
