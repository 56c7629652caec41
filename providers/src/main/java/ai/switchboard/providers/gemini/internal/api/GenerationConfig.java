package ai.switchboard.providers.gemini.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** {@code generationConfig}: sampling, output limits, the output format and thinking. Every field is optional. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GenerationConfig(
        List<String> stopSequences,
        String responseMimeType,
        JsonNode responseJsonSchema,
        Integer candidateCount,
        Integer maxOutputTokens,
        Double temperature,
        Double topP,
        Integer seed,
        Double presencePenalty,
        Double frequencyPenalty,
        Boolean responseLogprobs,
        Integer logprobs,
        JsonNode thinkingConfig) {

    /** Whether no field is set, so the whole object can be left out. */
    public boolean isEmpty() {
        return stopSequences == null && responseMimeType == null && responseJsonSchema == null
                && candidateCount == null && maxOutputTokens == null && temperature == null && topP == null
                && seed == null && presencePenalty == null && frequencyPenalty == null && responseLogprobs == null
                && logprobs == null && thinkingConfig == null;
    }
}
