package ai.switchboard.bench.replay.provider;

import ai.switchboard.bench.replay.record.JsonLines;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The parts of an OpenAI chat request the replay needs.
 *
 * @param model the requested (upstream) model
 * @param messageTexts the text of every message, in order (content parts of type {@code text} joined)
 * @param lastUserText the text of the last {@code user} message, or empty
 * @param stream whether the client asked for server-sent events
 * @param includeUsage whether a stream should end with a usage chunk
 */
record ChatCall(String model, List<String> messageTexts, String lastUserText, boolean stream, boolean includeUsage) {

    /** Parses a request body; throws {@link IllegalArgumentException} with a client-facing message when it is bad. */
    static ChatCall parse(byte[] body) {
        JsonNode request;
        try {
            request = JsonLines.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("request body is not JSON");
        }
        if (!request.path("model").isString() || !request.path("messages").isArray()) {
            throw new IllegalArgumentException("request needs a string 'model' and an array 'messages'");
        }
        List<String> texts = new ArrayList<>();
        String lastUser = "";
        for (JsonNode message : request.path("messages")) {
            String text = text(message.path("content"));
            texts.add(text);
            if ("user".equals(message.path("role").asString(""))) {
                lastUser = text;
            }
        }
        return new ChatCall(request.path("model").asString(), List.copyOf(texts), lastUser,
                request.path("stream").asBoolean(false),
                request.path("stream_options").path("include_usage").asBoolean(false));
    }

    private static String text(JsonNode content) {
        if (content.isString()) {
            return content.asString();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if ("text".equals(part.path("type").asString("")) && part.path("text").isString()) {
                text.append(part.path("text").asString());
            }
        }
        return text.toString();
    }
}
