package ai.switchboard.observability.usage;

import java.util.Objects;

/**
 * The prompt template version a request's answering model call was built from (ledger columns {@code prompt_name},
 * {@code prompt_version}; span attributes {@code switchboard.prompt.*}). A name and a number, never prompt text.
 */
public record PromptUsage(String name, int version) {

    public PromptUsage {
        Objects.requireNonNull(name, "name");
    }
}
