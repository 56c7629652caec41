package ai.switchboard.providers.cohere.internal.mapper;

import ai.switchboard.providers.json.WireJson;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cohere log probabilities in OpenAI's shape. Cohere reports items of {@code {text, token_ids, logprobs}}, one per
 * piece of text that may span several tokens; each becomes one OpenAI entry whose {@code token} is the text and whose
 * {@code logprob} is the sum over its tokens (the log probability of the whole piece). Cohere returns no
 * alternatives, so {@code top_logprobs} is always empty (and requests for them are refused).
 */
final class CohereLogprobs {

    private CohereLogprobs() {
    }

    /** {@code {"content":[...], "refusal":null}} for an array of items, or {@code null} when there are none. */
    static JsonNode toOpenAi(JsonNode items) {
        if (items == null || items.isNull() || items.isMissingNode()) {
            return null;
        }
        ObjectNode logprobs = WireJson.mapper().createObjectNode();
        ArrayNode content = logprobs.putArray("content");
        if (items.isArray()) {
            items.forEach(item -> content.add(entry(item)));
        }
        else {
            content.add(entry(items));
        }
        logprobs.putNull("refusal");
        return logprobs;
    }

    private static ObjectNode entry(JsonNode item) {
        String text = item.path("text").asString("");
        double sum = 0;
        for (JsonNode logprob : item.path("logprobs")) {
            sum += logprob.asDouble();
        }
        ObjectNode entry = WireJson.mapper().createObjectNode().put("token", text).put("logprob", sum);
        ArrayNode bytes = entry.putArray("bytes");
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            bytes.add(b & 0xFF);
        }
        entry.putArray("top_logprobs");
        return entry;
    }
}
