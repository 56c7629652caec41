package ai.switchboard.providers.gemini.internal.mapper;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ResponseFormat;
import ai.switchboard.providers.gemini.internal.api.GenerateContentRequest;
import ai.switchboard.providers.gemini.internal.api.GenerationConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Builds the Gemini request field by field from an OpenAI chat request. Nothing is forwarded wholesale: Gemini
 * rejects unknown keys, and an OpenAI field it cannot honour is refused with a clear error rather than dropped, so
 * a client never gets an answer that silently ignored what it asked for.
 *
 * <p>Ignored because they do not change the answer: {@code user}, {@code safety_identifier},
 * {@code prompt_cache_key}, {@code metadata}, {@code store}, {@code service_tier}, {@code stream_options}, the
 * image {@code detail} hint and {@code strict}, which Gemini's schema-constrained decoding makes moot.
 */
public final class GeminiRequestMapper {

    private static final String APPLICATION_JSON = "application/json";

    /** OpenAI fields with no Gemini equivalent, and why each is refused. */
    private static final Map<String, String> UNSUPPORTED = Map.of(
            "functions", "the deprecated 'functions' field is not supported for Gemini; use 'tools'",
            "function_call", "the deprecated 'function_call' field is not supported for Gemini; use 'tool_choice'",
            "logit_bias", "Gemini has no logit bias",
            "audio", "Gemini does not produce audio output through chat completions",
            "prediction", "Gemini has no predicted outputs",
            "web_search_options", "web search is not offered through the Gemini adapter");

    private GeminiRequestMapper() {
    }

    /** The request for {@code :generateContent} or {@code :streamGenerateContent}. */
    public static GenerateContentRequest toGemini(ChatRequest request) {
        rejectUnsupported(request);
        if (request.messages() == null || request.messages().isEmpty()) {
            throw GeminiRejections.invalid("messages", "At least one message is required");
        }
        GeminiContents.Translated conversation = GeminiContents.translate(request.messages());
        if (conversation.contents().isEmpty()) {
            throw GeminiRejections.invalid("messages",
                    "Gemini needs at least one non-empty user or assistant message besides system messages");
        }
        GeminiTools.Translated tools = GeminiTools.translate(request.tools(), request.toolChoice());
        GenerationConfig config = generationConfig(request);
        return new GenerateContentRequest(conversation.contents(), conversation.systemInstruction(), tools.tools(),
                tools.toolConfig(), config.isEmpty() ? null : config);
    }

    /**
     * Whether at most one tool call may be returned. Gemini has no switch for parallel calls, so
     * {@code parallel_tool_calls: false} is emulated by keeping only the first call of each answer.
     */
    public static boolean singleToolCall(ChatRequest request) {
        return Boolean.FALSE.equals(request.parallelToolCalls());
    }

    private static void rejectUnsupported(ChatRequest request) {
        for (Map.Entry<String, JsonNode> field : request.extra().entrySet()) {
            String reason = UNSUPPORTED.get(field.getKey());
            JsonNode value = field.getValue();
            boolean set = value != null && !value.isNull() && !(value.isContainer() && value.isEmpty());
            if (reason != null && set) {
                throw GeminiRejections.unsupported(field.getKey(), "Unsupported parameter: " + reason);
            }
        }
        JsonNode modalities = request.extra().get("modalities");
        if (modalities != null && modalities.isArray()) {
            for (JsonNode modality : modalities) {
                if (!"text".equals(modality.asString(""))) {
                    throw GeminiRejections.unsupported("modalities", "Gemini chat completions produce text only");
                }
            }
        }
    }

    private static GenerationConfig generationConfig(ChatRequest request) {
        String mimeType = null;
        JsonNode schema = null;
        ResponseFormat format = request.responseFormat();
        if (format != null && format.type() != null && !"text".equals(format.type())) {
            switch (format.type()) {
                case ResponseFormat.JSON_OBJECT -> mimeType = APPLICATION_JSON;
                case ResponseFormat.JSON_SCHEMA -> {
                    mimeType = APPLICATION_JSON;
                    // responseJsonSchema takes full JSON Schema, so the client's schema is sent unchanged.
                    schema = format.jsonSchema() == null ? null : format.jsonSchema().get("schema");
                    if (schema == null || !schema.isObject()) {
                        throw GeminiRejections.invalid("response_format.json_schema.schema",
                                "response_format json_schema needs a schema object");
                    }
                }
                default -> throw GeminiRejections.unsupported("response_format.type",
                        "response_format type '" + format.type() + "' is not supported by Gemini");
            }
        }
        boolean logprobs = Boolean.TRUE.equals(request.logprobs());
        Integer topLogprobs = logprobs && request.topLogprobs() != null && request.topLogprobs() > 0
                ? request.topLogprobs() : null;
        Integer candidates = request.n() != null && request.n() != 1 ? request.n() : null;
        return new GenerationConfig(stopSequences(request.stop()), mimeType, schema, candidates,
                request.outputTokenLimit(), request.temperature(), request.topP(), seed(request.seed()),
                request.presencePenalty(), request.frequencyPenalty(), logprobs ? Boolean.TRUE : null, topLogprobs,
                GeminiThinking.config(request));
    }

    private static List<String> stopSequences(JsonNode stop) {
        if (stop == null || stop.isNull()) {
            return null;
        }
        if (stop.isString()) {
            return List.of(stop.asString());
        }
        if (!stop.isArray()) {
            throw GeminiRejections.invalid("stop", "stop must be a string or an array of strings");
        }
        List<String> sequences = new ArrayList<>(stop.size());
        for (JsonNode sequence : stop) {
            if (!sequence.isString()) {
                throw GeminiRejections.invalid("stop", "stop must be a string or an array of strings");
            }
            sequences.add(sequence.asString());
        }
        return sequences.isEmpty() ? null : sequences;
    }

    /** Gemini's seed is a 32-bit integer; a larger OpenAI seed cannot be honoured exactly. */
    private static Integer seed(Long seed) {
        if (seed == null) {
            return null;
        }
        if (seed < Integer.MIN_VALUE || seed > Integer.MAX_VALUE) {
            throw GeminiRejections.invalid("seed", "Gemini seeds are 32-bit integers");
        }
        return seed.intValue();
    }
}
