package ai.switchboard.providers.reasoning;

import ai.switchboard.providers.api.ChatMessage;
import java.util.List;

/**
 * Whether a conversation is in the middle of a tool loop: after its last user message, the assistant has called
 * tools. Providers that sign their thinking (Anthropic, Claude on Bedrock) require the thinking of such a turn back,
 * unchanged; the canonical model cannot carry it, so thinking is left off for these requests rather than failing
 * them.
 */
public final class ToolLoop {

    private ToolLoop() {
    }

    public static boolean inProgress(List<ChatMessage> messages) {
        if (messages == null) {
            return false;
        }
        for (int i = messages.size() - 1; i >= 0; i--) {
            ChatMessage message = messages.get(i);
            if ("user".equals(message.role())) {
                return false;
            }
            if ("assistant".equals(message.role()) && message.hasToolCalls()) {
                return true;
            }
        }
        return false;
    }
}
