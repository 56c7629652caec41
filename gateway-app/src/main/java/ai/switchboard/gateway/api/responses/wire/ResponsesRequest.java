package ai.switchboard.gateway.api.responses.wire;

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
 * A {@code POST /v1/responses} body (OpenAI's Responses API, {@code ResponseCreateParams} in the official SDKs).
 *
 * <p>Scalars are typed and bound strictly; {@code input}, {@code tools}, {@code tool_choice}, {@code text} and
 * {@code metadata} stay raw JSON because they are unions OpenAI keeps extending: they are checked by
 * {@code ResponsesRequestValidator} and read by the translators. Every other field is kept in {@link #extra()} and
 * written back unchanged, so a native upstream sees what the client sent.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponsesRequest(
        String model,
        JsonNode input,
        String instructions,
        JsonNode tools,
        JsonNode toolChoice,
        Boolean parallelToolCalls,
        JsonNode text,
        ReasoningOptions reasoning,
        Integer maxOutputTokens,
        Double temperature,
        Double topP,
        JsonNode metadata,
        Boolean store,
        List<String> include,
        String promptCacheKey,
        Boolean stream,
        String previousResponseId,
        String user,
        @JsonAnySetter @JsonIgnore Map<String, JsonNode> extra) {

    /** What {@code include} asks for to get reasoning back when nothing is stored. */
    public static final String ENCRYPTED_REASONING = "reasoning.encrypted_content";

    public ResponsesRequest {
        include = include == null ? null : List.copyOf(include);
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

    /** Whether the response is to be stored: OpenAI's default is yes. */
    public boolean stores() {
        return !Boolean.FALSE.equals(store);
    }

    /** Whether {@code include} names {@code value}. */
    public boolean includes(String value) {
        return include != null && include.contains(value);
    }

    /** A copy addressed to another model id, for a native upstream; everything else unchanged. */
    public ResponsesRequest withModel(String upstreamModel) {
        return new ResponsesRequest(upstreamModel, input, instructions, tools, toolChoice, parallelToolCalls, text,
                reasoning, maxOutputTokens, temperature, topP, metadata, store, include, promptCacheKey, stream,
                previousResponseId, user, extra);
    }

    /** A copy whose input is {@code items} and that no longer points at a previous response (resolved here). */
    public ResponsesRequest withInput(JsonNode items) {
        return new ResponsesRequest(model, items, instructions, tools, toolChoice, parallelToolCalls, text, reasoning,
                maxOutputTokens, temperature, topP, metadata, store, include, promptCacheKey, stream, null, user,
                extra);
    }

    /** A mutable copy of the unknown fields. */
    public Map<String, JsonNode> copyOfExtra() {
        return new LinkedHashMap<>(extra);
    }
}
