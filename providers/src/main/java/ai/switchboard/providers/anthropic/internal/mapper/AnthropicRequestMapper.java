package ai.switchboard.providers.anthropic.internal.mapper;

import static ai.switchboard.providers.anthropic.internal.mapper.RequestRejections.invalid;
import static ai.switchboard.providers.anthropic.internal.mapper.RequestRejections.unsupported;

import ai.switchboard.providers.anthropic.internal.api.AnthropicMetadata;
import ai.switchboard.providers.anthropic.internal.api.AnthropicOutputConfig;
import ai.switchboard.providers.anthropic.internal.api.AnthropicOutputFormat;
import ai.switchboard.providers.anthropic.internal.api.AnthropicRequest;
import ai.switchboard.providers.anthropic.internal.api.AnthropicTool;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ResponseFormat;
import ai.switchboard.providers.reasoning.ClaudeThinking;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Builds an Anthropic Messages request from an OpenAI chat request, or rejects what Anthropic cannot honour.
 *
 * <ul>
 *   <li>{@code max_tokens} is required by Anthropic: the client's {@code max_completion_tokens} or
 *       {@code max_tokens}, else the endpoint setting {@value #DEFAULT_MAX_TOKENS_SETTING}, else
 *       {@value #DEFAULT_MAX_TOKENS}.</li>
 *   <li>{@code temperature} above Anthropic's maximum of 1 is clamped to 1: both scales mean "most random" at the
 *       top, and refusing would break clients that send OpenAI's range.</li>
 *   <li>{@code n>1}, {@code logprobs}, {@code top_logprobs} and {@code response_format: json_object} are refused
 *       with {@code UNSUPPORTED}: the client would otherwise get a different kind of answer than it asked for.
 *       {@code json_object} has no constrained-decoding equivalent; a prompt would not guarantee JSON, so clients
 *       are pointed at {@code json_schema}, which maps to {@code output_config.format}.</li>
 *   <li>{@code seed}, {@code presence_penalty} and {@code frequency_penalty} are dropped: they only nudge sampling
 *       (OpenAI documents {@code seed} as best effort) and Anthropic has no counterpart.</li>
 *   <li>{@code reasoning_effort} becomes Claude's {@code thinking} as {@link ClaudeThinking} decides (adaptive or a
 *       token budget by model, off inside a tool loop); with thinking on, sampling knobs Claude refuses are
 *       dropped.</li>
 *   <li>Unknown OpenAI fields are not forwarded (Anthropic rejects unknown fields), except {@code top_k}, an
 *       Anthropic sampling knob some clients send as an extension.</li>
 * </ul>
 */
public final class AnthropicRequestMapper {

    /** The output cap sent when neither the client nor the endpoint gives one. */
    public static final int DEFAULT_MAX_TOKENS = 4096;

    /** Endpoint setting overriding {@link #DEFAULT_MAX_TOKENS}. */
    public static final String DEFAULT_MAX_TOKENS_SETTING = "default_max_tokens";

    private static final double MAX_TEMPERATURE = 1.0;

    private AnthropicRequestMapper() {
    }

    /** The request to send; {@code stream} sets Anthropic's {@code stream} flag. */
    public static AnthropicRequest map(ProviderEndpoint endpoint, ChatRequest request, boolean stream) {
        rejectUnsupported(request);
        if (request.model() == null || request.model().isBlank()) {
            throw invalid("model", "model is required");
        }
        AnthropicMessagesMapper.Conversation conversation = AnthropicMessagesMapper.map(request.messages());
        List<AnthropicTool> tools = AnthropicToolsMapper.tools(request.tools());
        int maxTokens = maxTokens(endpoint, request);
        ClaudeThinking.Plan thinking = ClaudeThinking.plan(request, request.model(), request.outputTokenLimit(),
                maxTokens, endpoint.settings().get(ClaudeThinking.MODE_SETTING));
        Integer topK = topK(request.extra().get("top_k"));
        return new AnthropicRequest(
                request.model(),
                conversation.messages(),
                conversation.system().isEmpty() ? null : conversation.system(),
                thinking == null ? maxTokens : thinking.maxTokens(),
                stopSequences(request.stop()),
                thinking != null || request.temperature() == null ? null
                        : Math.min(request.temperature(), MAX_TEMPERATURE),
                thinking == null ? request.topP() : ClaudeThinking.topP(request.topP()),
                thinking == null ? topK : null,
                request.user() == null || request.user().isBlank() ? null : new AnthropicMetadata(request.user()),
                tools,
                AnthropicToolsMapper.toolChoice(request.toolChoice(), request.parallelToolCalls(), tools),
                outputConfig(request.responseFormat(), thinking == null ? null : thinking.effort()),
                thinking == null ? null : thinking.thinking(),
                stream ? Boolean.TRUE : null);
    }

    private static void rejectUnsupported(ChatRequest request) {
        if (request.n() != null && request.n() > 1) {
            throw unsupported("n", "Anthropic returns one choice per request; n must be 1");
        }
        if (Boolean.TRUE.equals(request.logprobs())) {
            throw unsupported("logprobs", "Anthropic does not return log probabilities");
        }
        if (request.topLogprobs() != null && request.topLogprobs() > 0) {
            throw unsupported("top_logprobs", "Anthropic does not return log probabilities");
        }
    }

    private static int maxTokens(ProviderEndpoint endpoint, ChatRequest request) {
        Integer limit = request.outputTokenLimit();
        if (limit != null) {
            if (limit < 1) {
                throw invalid(request.maxCompletionTokens() != null ? "max_completion_tokens" : "max_tokens",
                        "The output token limit must be at least 1");
            }
            return limit;
        }
        String configured = endpoint.settings().get(DEFAULT_MAX_TOKENS_SETTING);
        if (configured == null || configured.isBlank()) {
            return DEFAULT_MAX_TOKENS;
        }
        try {
            int value = Integer.parseInt(configured.trim());
            if (value >= 1) {
                return value;
            }
        }
        catch (NumberFormatException notANumber) {
            // reported below, with the same advice as a non-positive value
        }
        // Anthropic needs a cap: tell the client it can send one, and the operator that the setting is broken.
        throw invalid("max_tokens", "Provider '" + endpoint.name() + "' needs max_tokens: its "
                + DEFAULT_MAX_TOKENS_SETTING + " setting is not a positive integer");
    }

    private static List<String> stopSequences(JsonNode stop) {
        if (stop == null || stop.isNull()) {
            return null;
        }
        if (stop.isString()) {
            return stop.asString().isEmpty() ? null : List.of(stop.asString());
        }
        if (!stop.isArray()) {
            throw invalid("stop", "stop must be a string or an array of strings");
        }
        List<String> sequences = new ArrayList<>(stop.size());
        for (JsonNode sequence : stop) {
            if (!sequence.isString()) {
                throw invalid("stop", "stop must be a string or an array of strings");
            }
            if (!sequence.asString().isEmpty()) {
                sequences.add(sequence.asString());
            }
        }
        return sequences.isEmpty() ? null : sequences;
    }

    private static Integer topK(JsonNode topK) {
        if (topK == null || topK.isNull()) {
            return null;
        }
        if (!topK.isIntegralNumber() || topK.asInt() < 1) {
            throw invalid("top_k", "top_k must be a positive integer");
        }
        return topK.asInt();
    }

    private static AnthropicOutputConfig outputConfig(ResponseFormat format, String effort) {
        if (format == null || format.type() == null || "text".equals(format.type())) {
            return effort == null ? null : new AnthropicOutputConfig(null, effort);
        }
        return switch (format.type()) {
            case ResponseFormat.JSON_SCHEMA -> {
                JsonNode schema = format.jsonSchema() == null ? null : format.jsonSchema().get("schema");
                if (schema == null || !schema.isObject()) {
                    throw invalid("response_format.json_schema.schema", "response_format json_schema needs a schema");
                }
                yield new AnthropicOutputConfig(AnthropicOutputFormat.jsonSchema(schema), effort);
            }
            case ResponseFormat.JSON_OBJECT -> throw unsupported("response_format", "Anthropic has no JSON mode;"
                    + " use response_format json_schema with a schema instead of json_object");
            default -> throw invalid("response_format.type", "response_format type '" + format.type()
                    + "' is not one of text, json_object, json_schema");
        };
    }
}
