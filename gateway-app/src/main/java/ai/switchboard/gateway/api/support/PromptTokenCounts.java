package ai.switchboard.gateway.api.support;

import ai.switchboard.routing.policy.PromptTokens;
import tools.jackson.databind.JsonNode;

/**
 * Counts the prompt tokens of a completions {@code prompt} or an embeddings {@code input} with the tokenizer routing
 * uses ({@link PromptTokens}): text is tokenized, token ids are counted as they are. An estimate, as for chat.
 */
public final class PromptTokenCounts {

    private PromptTokenCounts() {
    }

    /** A string, an array of strings, of token ids or of token-id arrays; anything else counts 0. */
    public static long of(JsonNode value) {
        if (value == null || value.isNull()) {
            return 0;
        }
        if (value.isString()) {
            return PromptTokens.count(value.asString());
        }
        if (value.isIntegralNumber()) {
            return 1;
        }
        long tokens = 0;
        if (value.isArray()) {
            for (JsonNode item : value) {
                tokens += item.isArray() ? item.size() : of(item);
            }
        }
        return tokens;
    }
}
