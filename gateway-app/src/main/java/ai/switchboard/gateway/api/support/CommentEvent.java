package ai.switchboard.gateway.api.support;

import java.util.Objects;

/**
 * Information inside an OpenAI stream that OpenAI clients must not see, written as one server-sent-event comment
 * line, {@code : <label> <json>\n\n}. The SSE specification has every parser drop comment lines; a named event
 * ({@code event: x}) is not enough, because the official OpenAI Java SDK hands named events to the application as
 * chunks (an integration test caught it, its step's {@code usage} read as the chunk's).
 */
public record CommentEvent(String label, Object data) {

    public CommentEvent {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(data, "data");
        if (!label.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a comment label is a word of letters, digits, '.', '_' or '-'");
        }
    }
}
