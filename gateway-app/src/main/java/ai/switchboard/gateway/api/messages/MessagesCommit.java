package ai.switchboard.gateway.api.messages;

import ai.switchboard.gateway.api.messages.wire.ContentBlockStartEvent;
import ai.switchboard.gateway.api.messages.wire.MessageStartEvent;
import ai.switchboard.gateway.api.messages.wire.MessagesEvent;
import ai.switchboard.gateway.api.messages.wire.PassedThroughEvent;
import ai.switchboard.gateway.api.messages.wire.PingEvent;
import ai.switchboard.providers.anthropic.api.AnthropicContent;
import ai.switchboard.providers.anthropic.api.TextContent;
import ai.switchboard.providers.anthropic.api.ThinkingContent;
import ai.switchboard.providers.api.AnthropicMessagesEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Which events of a {@code /v1/messages} stream commit it to the upstream that sent them (the rule of
 * {@code StreamCommit}): {@code message_start}, {@code ping} and the start of a text or thinking block that has no
 * text yet only open a stream, so an upstream that fails after them is still replaced by the next candidate and the
 * client never sees them twice. Any other event (a delta, a {@code tool_use} block with its name, a stop) commits.
 */
final class MessagesCommit {

    private static final String CONTENT_BLOCK_START = "content_block_start";

    private MessagesCommit() {
    }

    static boolean commits(MessagesEvent event) {
        return switch (event) {
            case MessageStartEvent start -> false;
            case PingEvent ping -> false;
            case ContentBlockStartEvent start -> !emptyOpening(start.contentBlock());
            case PassedThroughEvent passed -> commits(passed.upstream());
            default -> true;
        };
    }

    private static boolean commits(AnthropicMessagesEvent event) {
        if (event.opening()) {
            return false;
        }
        if (!CONTENT_BLOCK_START.equals(event.type())) {
            return true;
        }
        try {
            JsonNode block = MessagesJson.MAPPER.readTree(event.data()).path("content_block");
            return switch (block.path("type").asString("")) {
                case "text" -> !block.path("text").asString("").isEmpty();
                case "thinking" -> !block.path("thinking").asString("").isEmpty();
                default -> true;
            };
        } catch (JacksonException unreadable) {
            return true;
        }
    }

    private static boolean emptyOpening(AnthropicContent block) {
        return switch (block) {
            case TextContent text -> text.text() == null || text.text().isEmpty();
            case ThinkingContent thinking -> thinking.thinking() == null || thinking.thinking().isEmpty();
            default -> false;
        };
    }
}
