package ai.switchboard.providers.bedrock.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Sampling settings; absent fields take the model's defaults. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InferenceConfig(Integer maxTokens, Double temperature, Double topP, List<String> stopSequences) {
}
