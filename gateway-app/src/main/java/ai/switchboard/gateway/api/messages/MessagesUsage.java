package ai.switchboard.gateway.api.messages;

import ai.switchboard.providers.anthropic.api.AnthropicUsage;
import ai.switchboard.providers.api.Usage;
import tools.jackson.databind.JsonNode;

/**
 * Canonical usage (OpenAI's semantics: cached tokens are part of the prompt) as Anthropic reports it: input tokens
 * exclude cache reads and cache writes, which are counted apart. Cache writes come from the
 * {@code cache_creation_input_tokens} extension adapters set; without usage every count is zero, since Anthropic's
 * clients expect the counts to be there.
 */
final class MessagesUsage {

    static final String CACHE_CREATION_TOKENS = "cache_creation_input_tokens";

    private static final AnthropicUsage NONE = new AnthropicUsage(0, 0, 0, 0);

    private MessagesUsage() {
    }

    static AnthropicUsage of(Usage usage) {
        if (usage == null) {
            return NONE;
        }
        int cacheRead = usage.cachedTokens();
        JsonNode written = usage.extra().get(CACHE_CREATION_TOKENS);
        int cacheCreation = written != null && written.canConvertToInt() ? written.asInt() : 0;
        int prompt = usage.promptTokens() == null ? 0 : usage.promptTokens();
        int output = usage.completionTokens() == null ? 0 : usage.completionTokens();
        return new AnthropicUsage(Math.max(0, prompt - cacheRead - cacheCreation), output, cacheCreation, cacheRead);
    }
}
