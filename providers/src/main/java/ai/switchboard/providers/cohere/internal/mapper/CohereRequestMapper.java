package ai.switchboard.providers.cohere.internal.mapper;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.reasoning.ReasoningEffort;
import ai.switchboard.providers.api.ResponseFormat;
import ai.switchboard.providers.cohere.internal.api.CohereChatRequest;
import ai.switchboard.providers.cohere.internal.api.CohereResponseFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The canonical OpenAI chat request as a Cohere v2 chat request.
 *
 * <p>What Cohere cannot honour is refused with a 400 before any call: {@code n > 1}, {@code top_logprobs > 0},
 * {@code parallel_tool_calls: false}, penalties outside [0, 1], non-function tools, content parts other than text
 * and images. What it names
 * differently is renamed ({@code top_p} → {@code p}, {@code stop} → {@code stop_sequences}, {@code strict} →
 * {@code strict_tools}). {@code user} and other OpenAI-only fields are dropped: they do not change the answer.
 * Cohere-only options a client puts in the body ({@link #NATIVE_OPTIONS}) are forwarded as they are.
 */
public final class CohereRequestMapper {

    /** Cohere chat fields OpenAI lacks, passed through from the request's unknown fields. */
    private static final String THINKING = "thinking";

    static final Set<String> NATIVE_OPTIONS = Set.of("k", "safety_mode", "documents", "citation_options", "thinking",
            "priority");

    // Cohere accepts p in [0.01, 0.99]; OpenAI's common top_p 1.0 ("no cut-off") would be a 400 otherwise.
    private static final double MIN_P = 0.01;
    private static final double MAX_P = 0.99;

    private CohereRequestMapper() {
    }

    /** Maps {@code request}; throws a 400 {@code ProviderException} for what Cohere cannot do. */
    public static CohereChatRequest toCohere(ChatRequest request) {
        rejectUnsupported(request);
        CohereToolMapper.Choice choice = CohereToolMapper.choice(request.toolChoice(), request.tools());
        return new CohereChatRequest(
                request.model(),
                CohereMessageMapper.toCohere(request.messages()),
                null,
                CohereToolMapper.tools(request.tools(), choice),
                CohereToolMapper.strict(request.tools()),
                choice.cohereValue(),
                responseFormat(request.responseFormat()),
                request.outputTokenLimit(),
                request.seed(),
                request.temperature(),
                request.topP() == null ? null : Math.clamp(request.topP(), MIN_P, MAX_P),
                stopSequences(request.stop()),
                request.frequencyPenalty(),
                request.presencePenalty(),
                Boolean.TRUE.equals(request.logprobs()) ? Boolean.TRUE : null,
                nativeOptions(request));
    }

    private static void rejectUnsupported(ChatRequest request) {
        if (request.n() != null && request.n() > 1) {
            throw CohereMappingErrors.unsupported("n", "Cohere returns one choice per request; 'n' must be 1");
        }
        if (request.topLogprobs() != null && request.topLogprobs() > 0) {
            throw CohereMappingErrors.unsupported("top_logprobs",
                    "Cohere returns the chosen tokens' log probabilities only; 'top_logprobs' must be 0");
        }
        if (Boolean.FALSE.equals(request.parallelToolCalls()) && request.tools() != null
                && !request.tools().isEmpty()) {
            throw CohereMappingErrors.unsupported("parallel_tool_calls",
                    "Cohere cannot limit the model to one tool call per turn; omit 'parallel_tool_calls'");
        }
        // OpenAI's penalties run from -2 to 2; Cohere's from 0 to 1, and a negative one (favour repetition) has no
        // Cohere equivalent, so clamping would silently change the request's meaning.
        rejectOutsideUnitRange("frequency_penalty", request.frequencyPenalty());
        rejectOutsideUnitRange("presence_penalty", request.presencePenalty());
    }

    private static void rejectOutsideUnitRange(String param, Double value) {
        if (value != null && (value < 0 || value > 1)) {
            throw CohereMappingErrors.unsupported(param, "Cohere accepts '" + param + "' between 0 and 1 only");
        }
    }

    private static CohereResponseFormat responseFormat(ResponseFormat format) {
        if (format == null || format.type() == null) {
            return null;
        }
        return switch (format.type()) {
            case "text" -> new CohereResponseFormat("text", null);
            case ResponseFormat.JSON_OBJECT -> new CohereResponseFormat(ResponseFormat.JSON_OBJECT, null);
            case ResponseFormat.JSON_SCHEMA -> {
                JsonNode schema = format.jsonSchema() == null ? null : format.jsonSchema().get("schema");
                if (schema == null || !schema.isObject()) {
                    throw CohereMappingErrors.invalid("response_format.json_schema.schema",
                            "response_format json_schema needs a 'schema' object");
                }
                yield new CohereResponseFormat(ResponseFormat.JSON_OBJECT, schema);
            }
            default -> throw CohereMappingErrors.unsupported("response_format.type",
                    "Cohere supports response_format 'text', 'json_object' and 'json_schema' only");
        };
    }

    private static List<String> stopSequences(JsonNode stop) {
        if (stop == null || stop.isNull() || stop.isMissingNode()) {
            return null;
        }
        if (stop.isString()) {
            return List.of(stop.asString());
        }
        List<String> sequences = new ArrayList<>(stop.size());
        for (JsonNode sequence : stop) {
            if (!sequence.isString()) {
                throw CohereMappingErrors.invalid("stop", "'stop' must be a string or an array of strings");
            }
            sequences.add(sequence.asString());
        }
        return sequences.isEmpty() ? null : sequences;
    }

    private static Map<String, JsonNode> nativeOptions(ChatRequest request) {
        Map<String, JsonNode> options = new LinkedHashMap<>();
        request.extra().forEach((name, value) -> {
            if (NATIVE_OPTIONS.contains(name)) {
                options.put(name, value);
            }
        });
        if (!options.containsKey(THINKING)) {
            JsonNode thinking = thinking(request);
            if (thinking != null) {
                options.put(THINKING, thinking);
            }
        }
        return options;
    }

    /**
     * {@code reasoning_effort} as Cohere's {@code thinking} ({@code enabled} with a {@code token_budget}, or
     * {@code disabled} for {@code none}), for its reasoning models only ({@code command-a-reasoning-*}): other models
     * refuse the field. A {@code thinking} the client sent itself wins.
     */
    private static JsonNode thinking(ChatRequest request) {
        ReasoningEffort effort = ReasoningEffort.of(request);
        if (effort == null || request.model() == null || !request.model().contains("reasoning")) {
            return null;
        }
        ObjectNode thinking = JsonNodeFactory.instance.objectNode();
        return effort.isNone() ? thinking.put("type", "disabled")
                : thinking.put("type", "enabled").put("token_budget", effort.budgetTokens());
    }
}
