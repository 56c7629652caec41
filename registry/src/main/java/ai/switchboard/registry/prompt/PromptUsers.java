package ai.switchboard.registry.prompt;

import ai.switchboard.registry.PromptReference;
import java.util.List;

/**
 * What refers to prompts (agents' instructions, routes' pipeline steps), so that a prompt, or the label or version
 * such a reference names, is not removed from under it. Implemented by the packages that hold the references.
 */
public interface PromptUsers {

    /** Descriptions ({@code agent 'x'}) of the users whose references name the prompt {@code name}. */
    List<Reference> referencesTo(String name);

    /** A user and the reference it holds. */
    record Reference(String user, PromptReference reference) {
    }
}
