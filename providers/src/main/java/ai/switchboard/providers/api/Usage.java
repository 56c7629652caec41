package ai.switchboard.providers.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Token usage with OpenAI's semantics: {@code cached_tokens} is a subset of {@code prompt_tokens} and
 * {@code reasoning_tokens} a subset of {@code completion_tokens}. Adapters for other providers convert to these.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Usage(
        Integer promptTokens,
        Integer completionTokens,
        Integer totalTokens,
        PromptTokensDetails promptTokensDetails,
        CompletionTokensDetails completionTokensDetails,
        @JsonAnySetter @JsonIgnore Map<String, JsonNode> extra) {

    public Usage {
        extra = extra == null ? Map.of() : extra;
    }

    @JsonAnyGetter
    public Map<String, JsonNode> extraFields() {
        return extra;
    }

    /** Usage with the three counts and the cached subset of the prompt. */
    public static Usage of(int promptTokens, int completionTokens, int cachedTokens) {
        return new Usage(promptTokens, completionTokens, promptTokens + completionTokens,
                new PromptTokensDetails(cachedTokens, null), null, null);
    }

    /** Prompt tokens served from the provider's cache, zero when unknown. */
    public int cachedTokens() {
        return promptTokensDetails == null || promptTokensDetails.cachedTokens() == null
                ? 0 : promptTokensDetails.cachedTokens();
    }

    /** Cached subset of the prompt. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PromptTokensDetails(Integer cachedTokens, Integer audioTokens) {
    }

    /** Reasoning subset of the completion. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CompletionTokensDetails(Integer reasoningTokens, Integer audioTokens, Integer acceptedPredictionTokens,
            Integer rejectedPredictionTokens) {
    }
}
