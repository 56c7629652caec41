package ai.switchboard.registry.prompt;

import ai.switchboard.registry.PromptConfig;
import ai.switchboard.registry.PromptReference;
import ai.switchboard.registry.admin.FieldErrors;
import org.springframework.stereotype.Component;

/** Checks on write that a prompt reference resolves: the prompt exists and has the label or version it names. */
@Component
public class PromptReferenceCheck {

    private final PromptRepository prompts;
    private final PromptVersionRepository versions;

    public PromptReferenceCheck(PromptRepository prompts, PromptVersionRepository versions) {
        this.prompts = prompts;
        this.versions = versions;
    }

    /** Adds the problem, if any, under {@code field}. */
    public void check(FieldErrors errors, String field, PromptReference reference) {
        PromptEntity prompt = prompts.findByName(reference.prompt()).orElse(null);
        if (prompt == null) {
            errors.add(field + ".prompt", "no prompt named '" + reference.prompt() + "'");
        } else if (reference.version() != null) {
            if (versions.findByPromptIdAndVersion(prompt.getId(), reference.version()).isEmpty()) {
                errors.add(field + ".version", "prompt '" + reference.prompt() + "' has no version "
                        + reference.version());
            }
        } else {
            String label = reference.label() == null ? PromptConfig.PRODUCTION : reference.label();
            if (!prompt.getLabels().containsKey(label)) {
                errors.add(field + ".label", "prompt '" + reference.prompt() + "' has no label '" + label + "'");
            }
        }
    }
}
