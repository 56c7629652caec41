package ai.switchboard.providers.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An OpenAI chat completion request, the gateway's canonical request shape.
 *
 * <p>The fields a translator needs are typed; everything else the client sent is kept in {@link #extra()} and
 * written back unchanged, so a field the gateway does not know yet still reaches an OpenAI-compatible upstream.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatRequest(
        String model,
        List<ChatMessage> messages,
        Boolean stream,
        StreamOptions streamOptions,
        List<ToolDefinition> tools,
        JsonNode toolChoice,
        Boolean parallelToolCalls,
        ResponseFormat responseFormat,
        Integer n,
        JsonNode stop,
        Long seed,
        Boolean logprobs,
        Integer topLogprobs,
        Integer maxTokens,
        Integer maxCompletionTokens,
        Double temperature,
        Double topP,
        Double presencePenalty,
        Double frequencyPenalty,
        String user,
        @JsonAnySetter @JsonIgnore Map<String, JsonNode> extra) {

    public ChatRequest {
        messages = messages == null ? null : List.copyOf(messages);
        tools = tools == null ? null : List.copyOf(tools);
        extra = extra == null ? Map.of() : extra;
    }

    @JsonAnyGetter
    public Map<String, JsonNode> extraFields() {
        return extra;
    }

    /** Whether the client asked for a server-sent event stream. */
    public boolean isStream() {
        return Boolean.TRUE.equals(stream);
    }

    /** Whether the client asked for a final usage chunk in a stream. */
    public boolean includeUsage() {
        return streamOptions != null && Boolean.TRUE.equals(streamOptions.includeUsage());
    }

    /** The output cap, whichever of the two names the client used. */
    public Integer outputTokenLimit() {
        return maxCompletionTokens != null ? maxCompletionTokens : maxTokens;
    }

    /** A copy addressed to another model id, everything else unchanged. */
    public ChatRequest withModel(String upstreamModel) {
        return new ChatRequest(upstreamModel, messages, stream, streamOptions, tools, toolChoice, parallelToolCalls,
                responseFormat, n, stop, seed, logprobs, topLogprobs, maxTokens, maxCompletionTokens, temperature, topP,
                presencePenalty, frequencyPenalty, user, extra);
    }

    /**
     * A streaming copy that asks the upstream for a final usage chunk, keeping the client's other stream options.
     * The gateway always wants usage for accounting; it drops the chunk again for clients that did not ask.
     */
    public ChatRequest withStreamUsage() {
        Map<String, JsonNode> optionExtra = streamOptions == null ? Map.of() : streamOptions.extra();
        return new ChatRequest(model, messages, Boolean.TRUE, new StreamOptions(Boolean.TRUE, optionExtra), tools,
                toolChoice, parallelToolCalls, responseFormat, n, stop, seed, logprobs, topLogprobs, maxTokens,
                maxCompletionTokens, temperature, topP, presencePenalty, frequencyPenalty, user, extra);
    }

    /** A mutable copy of the unknown fields, for adapters that must add or remove one. */
    public Map<String, JsonNode> copyOfExtra() {
        return new LinkedHashMap<>(extra);
    }
}
