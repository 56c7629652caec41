package ai.switchboard.providers.cohere.internal.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST /v2/chat}. {@code nativeOptions} carries Cohere-only fields a client passed through
 * ({@code k}, {@code safety_mode}, {@code documents}...), written at the top level.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CohereChatRequest(
        String model,
        List<CohereMessage> messages,
        Boolean stream,
        List<CohereTool> tools,
        Boolean strictTools,
        String toolChoice,
        CohereResponseFormat responseFormat,
        Integer maxTokens,
        Long seed,
        Double temperature,
        Double p,
        List<String> stopSequences,
        Double frequencyPenalty,
        Double presencePenalty,
        Boolean logprobs,
        @JsonIgnore Map<String, JsonNode> nativeOptions) {

    public CohereChatRequest {
        messages = messages == null ? List.of() : List.copyOf(messages);
        tools = tools == null ? null : List.copyOf(tools);
        stopSequences = stopSequences == null ? null : List.copyOf(stopSequences);
        nativeOptions = nativeOptions == null ? Map.of() : Map.copyOf(nativeOptions);
    }

    @JsonAnyGetter
    public Map<String, JsonNode> nativeFields() {
        return nativeOptions;
    }

    /** The same request for the streaming endpoint (same URL, {@code "stream": true}). */
    public CohereChatRequest streaming() {
        return new CohereChatRequest(model, messages, Boolean.TRUE, tools, strictTools, toolChoice, responseFormat,
                maxTokens, seed, temperature, p, stopSequences, frequencyPenalty, presencePenalty, logprobs,
                nativeOptions);
    }
}
