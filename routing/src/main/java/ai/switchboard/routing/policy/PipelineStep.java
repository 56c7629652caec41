package ai.switchboard.routing.policy;

import ai.switchboard.registry.PromptReference;
import ai.switchboard.registry.prompt.PromptTemplate;
import java.util.Objects;

/**
 * One step of a {@code pipeline}: a target and how its messages are made, from a stored prompt template
 * ({@code prompt}), an inline one ({@code template}), or, with neither, the client's own messages.
 */
record PipelineStep(String name, String target, PromptReference prompt, PromptTemplate template) {

    PipelineStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
    }
}
