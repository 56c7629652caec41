package ai.switchboard.providers.bedrock.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Token counts; the cache counts are absent when prompt caching was not involved. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenUsage(Integer inputTokens, Integer outputTokens, Integer totalTokens, Integer cacheReadInputTokens,
        Integer cacheWriteInputTokens) {
}
