package ai.switchboard.gateway.api.responses.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A {@code response} object, as {@code POST /v1/responses} answers and as stream events carry it. Fields the SDKs
 * declare as always present are written even when {@code null} ({@code error}, {@code incomplete_details},
 * {@code instructions}, {@code temperature}, {@code top_p}...), the rest only when set.
 *
 * @param createdAt seconds since the epoch
 * @param status {@code completed}, {@code incomplete}, {@code failed} or {@code in_progress}
 * @param tools the tools as the client sent them
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ResponseObject(
        String id,
        String object,
        long createdAt,
        String status,
        ResponseError error,
        IncompleteDetails incompleteDetails,
        String instructions,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxOutputTokens,
        String model,
        List<ResponseItem> output,
        boolean parallelToolCalls,
        String previousResponseId,
        ReasoningOptions reasoning,
        boolean store,
        Double temperature,
        JsonNode text,
        JsonNode toolChoice,
        JsonNode tools,
        Double topP,
        String truncation,
        @JsonInclude(JsonInclude.Include.NON_NULL) ResponseUsage usage,
        @JsonInclude(JsonInclude.Include.NON_NULL) String user,
        JsonNode metadata,
        @JsonInclude(JsonInclude.Include.NON_NULL) String promptCacheKey) {

    public static final String OBJECT = "response";
    public static final String COMPLETED = "completed";
    public static final String INCOMPLETE = "incomplete";
    public static final String FAILED = "failed";
    public static final String IN_PROGRESS = "in_progress";

    public ResponseObject {
        output = output == null ? List.of() : List.copyOf(output);
    }

    /** The same response in another state, with other output, usage and outcome. */
    public ResponseObject with(String newStatus, List<ResponseItem> newOutput, ResponseUsage newUsage,
            IncompleteDetails newIncompleteDetails, ResponseError newError) {
        return new ResponseObject(id, object, createdAt, newStatus, newError, newIncompleteDetails, instructions,
                maxOutputTokens, model, newOutput, parallelToolCalls, previousResponseId, reasoning, store,
                temperature, text, toolChoice, tools, topP, truncation, newUsage, user, metadata, promptCacheKey);
    }
}
