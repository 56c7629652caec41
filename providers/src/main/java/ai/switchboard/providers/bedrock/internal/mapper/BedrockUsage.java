package ai.switchboard.providers.bedrock.internal.mapper;

import ai.switchboard.providers.api.Usage;
import ai.switchboard.providers.bedrock.internal.api.TokenUsage;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.IntNode;

/**
 * Converse usage in OpenAI's terms. Bedrock (like Anthropic) counts cache reads and writes apart from
 * {@code inputTokens}, while OpenAI's {@code prompt_tokens} includes cached tokens, so
 * {@code prompt = input + cacheRead + cacheWrite} and {@code cached_tokens = cacheRead}. Cache writes have no OpenAI
 * field; they are kept as {@value #CACHE_WRITE_FIELD} so cost accounting can price them.
 */
public final class BedrockUsage {

    public static final String CACHE_WRITE_FIELD = "cache_write_input_tokens";

    private BedrockUsage() {
    }

    public static Usage toOpenAi(TokenUsage usage) {
        if (usage == null) {
            return null;
        }
        int cacheRead = orZero(usage.cacheReadInputTokens());
        int cacheWrite = orZero(usage.cacheWriteInputTokens());
        int prompt = orZero(usage.inputTokens()) + cacheRead + cacheWrite;
        int completion = orZero(usage.outputTokens());
        Map<String, JsonNode> extra = cacheWrite > 0
                ? Map.of(CACHE_WRITE_FIELD, IntNode.valueOf(cacheWrite)) : Map.of();
        return new Usage(prompt, completion, prompt + completion, new Usage.PromptTokensDetails(cacheRead, null),
                null, extra);
    }

    private static int orZero(Integer count) {
        return count == null ? 0 : count;
    }
}
