package ai.switchboard.registry.prompt;

import java.util.List;

/**
 * A rendered template: either one text, or chat messages (exactly one of the two is set).
 *
 * @param text the text of a text template, or {@code null}
 * @param messages the messages of a chat template, or {@code null}
 */
public record RenderedPrompt(String text, List<Message> messages) {

    public RenderedPrompt {
        messages = messages == null ? null : List.copyOf(messages);
    }

    /** The rendered text, or the messages' contents joined by blank lines (as a system prompt made of the template). */
    public String asText() {
        if (text != null) {
            return text;
        }
        return String.join("\n\n", messages.stream().map(Message::content).toList());
    }

    /** One rendered chat message. */
    public record Message(String role, String content) {
    }
}
