package ai.switchboard.registry.prompt;

/** A template could not be rendered with the variables given (one is missing, or the template refers to nothing). */
public class PromptRenderException extends RuntimeException {

    public PromptRenderException(String message) {
        super(message, null, false, false);
    }
}
