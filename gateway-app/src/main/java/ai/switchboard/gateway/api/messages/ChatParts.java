package ai.switchboard.gateway.api.messages;

import static ai.switchboard.gateway.api.messages.MessagesJson.NODES;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** OpenAI content parts built from (checked) Anthropic content blocks. */
final class ChatParts {

    private ChatParts() {
    }

    static boolean isText(JsonNode part) {
        return "text".equals(part.get("type").asString());
    }

    static ObjectNode text(String text) {
        return NODES.objectNode().put("type", "text").put("text", text);
    }

    /** An {@code image_url} part: base64 data becomes a {@code data:} URL. */
    static ObjectNode image(JsonNode source, String param) {
        String url = switch (source.get("type").asString()) {
            case "base64" -> "data:" + source.get("media_type").asString() + ";base64,"
                    + source.get("data").asString();
            case "url" -> source.get("url").asString();
            default -> throw MessagesConversation.unsupported(param, "An image by file id");
        };
        ObjectNode part = NODES.objectNode().put("type", "image_url");
        part.putObject("image_url").put("url", url);
        return part;
    }

    /** A PDF becomes a {@code file} part; plain text and content documents become their text and images. */
    static void document(JsonNode block, String param, ArrayNode parts) {
        JsonNode source = block.get("source");
        switch (source.get("type").asString()) {
            case "base64" -> {
                ObjectNode part = NODES.objectNode().put("type", "file");
                part.putObject("file")
                        .put("filename", block.path("title").asString("document.pdf"))
                        .put("file_data", "data:application/pdf;base64," + source.get("data").asString());
                parts.add(part);
            }
            case "text" -> parts.add(text(source.get("data").asString()));
            case "content" -> {
                JsonNode content = source.get("content");
                if (content.isString()) {
                    parts.add(text(content.asString()));
                    return;
                }
                for (int k = 0; k < content.size(); k++) {
                    JsonNode nested = content.get(k);
                    parts.add(MessagesBlockRules.TEXT.equals(nested.get("type").asString())
                            ? text(nested.get("text").asString())
                            : image(nested.get("source"), param + ".content[" + k + "].source"));
                }
            }
            default -> throw MessagesConversation.unsupported(param, "A document by URL or file id");
        }
    }

    /** A search result as text: its title, its source, then its text blocks. */
    static String searchResult(JsonNode block) {
        StringBuilder text = new StringBuilder(block.get("title").asString()).append('\n')
                .append(block.get("source").asString());
        for (JsonNode nested : block.get("content")) {
            text.append('\n').append(nested.get("text").asString());
        }
        return text.toString();
    }
}
