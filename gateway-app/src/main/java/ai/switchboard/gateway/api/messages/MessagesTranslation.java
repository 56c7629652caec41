package ai.switchboard.gateway.api.messages;

import ai.switchboard.providers.api.ChatRequest;
import java.util.List;
import java.util.Objects;

/**
 * A Messages request translated for a provider that does not speak the Messages API.
 *
 * @param chat the canonical request
 * @param droppedTools names of Anthropic's own tools (web search, bash, text editor, ...) left out because only
 *     Anthropic runs them; reported to the client in {@link MessagesHeaders#DROPPED_TOOLS}
 * @param reply what translating the answer back needs
 */
public record MessagesTranslation(ChatRequest chat, List<String> droppedTools, ReplyOptions reply) {

    public MessagesTranslation {
        Objects.requireNonNull(chat, "chat");
        droppedTools = List.copyOf(droppedTools);
        Objects.requireNonNull(reply, "reply");
    }
}
