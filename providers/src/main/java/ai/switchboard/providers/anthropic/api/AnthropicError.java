package ai.switchboard.providers.anthropic.api;

/** The {@code error} of an error body or of a stream's {@code error} event, e.g. {@code overloaded_error}. */
public record AnthropicError(String type, String message) {
}
