package ai.switchboard.gateway.cache;

import ai.switchboard.providers.api.ChatChoice;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.EmbeddingResponse;
import java.util.Set;

/**
 * Whether an answer may be stored: only a whole one. A chat answer every choice of which ended on its own
 * ({@code stop}) or to call tools; never one cut at {@code max_tokens} ({@code length}), filtered
 * ({@code content_filter}) or refused, which a retry could well answer differently. An embedding list with vectors.
 */
final class Storable {

    private static final Set<String> COMPLETE = Set.of("stop", "tool_calls");

    private Storable() {
    }

    static boolean of(Object answer) {
        return switch (answer) {
            case ChatResponse chat -> complete(chat);
            case EmbeddingResponse embeddings -> !embeddings.data().isEmpty();
            default -> false;
        };
    }

    private static boolean complete(ChatResponse chat) {
        if (chat.choices().isEmpty()) {
            return false;
        }
        for (ChatChoice choice : chat.choices()) {
            if (!COMPLETE.contains(choice.finishReason()) || choice.message() == null
                    || choice.message().refusal() != null) {
                return false;
            }
        }
        return true;
    }
}
