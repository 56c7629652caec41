package ai.switchboard.gateway.api.messages;

import ai.switchboard.routing.policy.PromptTokens;
import tools.jackson.databind.JsonNode;

/**
 * Estimates a Messages request's input tokens for {@code count_tokens} when the provider has no counting endpoint of
 * its own, with the tokenizer routing already uses ({@code o200k_base}, see {@link PromptTokens}). Counted: the
 * system prompt, every text, tool call ({@code name} and {@code input}) and tool result, the text of plain-text
 * documents and search results, and each tool's name, description and input schema, plus a few tokens of framing per
 * message. Each image counts as {@value #IMAGE_TOKENS}, Anthropic's count for a full-size image (smaller images cost
 * less). Earlier turns' thinking is not counted, as Anthropic does not count it; PDFs are not counted, since their
 * cost depends on their pages, which only the provider reads. Other tokenizers differ by some percent, so this is an
 * estimate, never a bill.
 */
public final class MessagesTokenCounter {

    /** What Anthropic counts for an image of the largest size it reads without downscaling (about 1.15 megapixels). */
    static final int IMAGE_TOKENS = 1_600;

    private static final int PER_MESSAGE = 4;
    private static final int PER_REQUEST = 3;

    private MessagesTokenCounter() {
    }

    /**
     * Loads the tokenizer. Its first use reads its ranks from the classpath, which would block the event loop that
     * happened to count first; the handler warms it at start-up instead.
     */
    static void warm() {
        PromptTokens.count("warm");
    }

    /** The estimate for a request {@link MessagesRequestValidator#validateCount} accepted. */
    public static int estimate(MessagesRequest request) {
        int tokens = PER_REQUEST + content(request.system());
        for (MessagesMessage message : request.messages()) {
            tokens += PER_MESSAGE + content(message.content());
        }
        JsonNode tools = request.tools();
        if (tools != null && !tools.isNull()) {
            for (JsonNode tool : tools) {
                tokens += text(tool.get("name")) + text(tool.get("description"));
                JsonNode schema = tool.get("input_schema");
                tokens += schema == null ? 0 : PromptTokens.count(MessagesJson.MAPPER.writeValueAsString(schema));
            }
        }
        return tokens;
    }

    /** A string, or an array of blocks. */
    private static int content(JsonNode content) {
        if (content == null || content.isNull()) {
            return 0;
        }
        if (content.isString()) {
            return PromptTokens.count(content.asString());
        }
        int tokens = 0;
        for (JsonNode block : content) {
            tokens += block(block);
        }
        return tokens;
    }

    private static int block(JsonNode block) {
        return switch (block.path("type").asString("")) {
            case MessagesBlockRules.TEXT -> text(block.get("text"));
            case MessagesBlockRules.IMAGE -> IMAGE_TOKENS;
            case MessagesBlockRules.TOOL_USE -> text(block.get("name"))
                    + PromptTokens.count(MessagesJson.MAPPER.writeValueAsString(block.get("input")));
            case MessagesBlockRules.TOOL_RESULT -> content(block.get("content"));
            case MessagesBlockRules.SEARCH_RESULT -> text(block.get("title")) + content(block.get("content"));
            case MessagesBlockRules.DOCUMENT -> document(block.get("source"));
            default -> 0;
        };
    }

    private static int document(JsonNode source) {
        return switch (source.path("type").asString("")) {
            case "text" -> text(source.get("data"));
            case "content" -> content(source.get("content"));
            default -> 0;
        };
    }

    private static int text(JsonNode text) {
        return text == null || !text.isString() ? 0 : PromptTokens.count(text.asString());
    }
}
