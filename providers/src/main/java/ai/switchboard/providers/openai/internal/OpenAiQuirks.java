package ai.switchboard.providers.openai.internal;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.OrderedStreams;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.api.StreamOptions;
import ai.switchboard.providers.api.Usage;
import ai.switchboard.providers.openai.OpenAiProfile;
import java.util.List;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * Per-profile adjustments for OpenAI-compatible servers. Only deviations with a source are handled; a field is
 * dropped only when dropping it changes nothing for the client, otherwise the request is refused as
 * {@code UNSUPPORTED} before it is sent, never silently altered.
 */
public final class OpenAiQuirks {

    private OpenAiQuirks() {
    }

    /** The request as the profile's server accepts it. */
    public static ChatRequest request(OpenAiProfile profile, ChatRequest request) {
        return switch (profile) {
            // Mistral validates strictly and answers 422 "Extra inputs are not permitted" for stream_options
            // (openai/openai-agents-python#442, TabbyML/tabby#4082) and for max_completion_tokens
            // (editor-code-assistant/eca#231); it reports usage on its last chunk without being asked.
            case MISTRAL -> limitAsMaxTokens(request, null);
            case GROQ -> rejectGroqUnsupported(request);
            // Ollama accepts max_completion_tokens but ignores it, leaving output unbounded (ollama/ollama#7125);
            // vLLM before PR #9837 (Oct 2024, 0.6.x) rejects it (1Panel-dev/MaxKB#3073). Both honour max_tokens.
            case OLLAMA, VLLM -> limitAsMaxTokens(request, request.streamOptions());
            case OPENAI, DEEPSEEK -> request;
        };
    }

    /** The answer in OpenAI's semantics. */
    public static ChatResponse response(OpenAiProfile profile, ChatResponse response) {
        if (profile != OpenAiProfile.DEEPSEEK || response.usage() == null) {
            return response;
        }
        return new ChatResponse(response.id(), response.object(), response.created(), response.model(),
                response.choices(), deepSeekUsage(response.usage()), response.systemFingerprint(), response.extra());
    }

    /** The stream in OpenAI's semantics: usage, when reported, on one final chunk without choices. */
    public static Flux<ChatChunk> stream(OpenAiProfile profile, Flux<ChatChunk> chunks) {
        return switch (profile) {
            case MISTRAL -> OrderedStreams.flatten(chunks, OpenAiQuirks::splitUsage);
            case DEEPSEEK -> chunks.map(chunk -> chunk.usage() == null ? chunk : new ChatChunk(chunk.id(),
                    chunk.object(), chunk.created(), chunk.model(), chunk.choices(), deepSeekUsage(chunk.usage()),
                    chunk.systemFingerprint(), chunk.extra()));
            default -> chunks;
        };
    }

    /**
     * GroqCloud answers 400 for {@code logprobs}, {@code top_logprobs}, {@code logit_bias}, {@code messages[].name}
     * and {@code n} other than 1 (console.groq.com/docs/openai, "Currently Unsupported OpenAI Features"). Refused
     * here with the field named, so the client learns which one and no upstream call is spent.
     */
    private static ChatRequest rejectGroqUnsupported(ChatRequest request) {
        if (request.n() != null && request.n() != 1) {
            throw unsupported("n", "Groq generates one choice per request; n must be 1");
        }
        if (Boolean.TRUE.equals(request.logprobs()) || request.topLogprobs() != null) {
            throw unsupported("logprobs", "Groq does not return log probabilities");
        }
        JsonNode logitBias = request.extra().get("logit_bias");
        if (logitBias != null && !logitBias.isNull()) {
            throw unsupported("logit_bias", "Groq does not support logit_bias");
        }
        if (request.messages() != null && request.messages().stream().map(ChatMessage::name)
                .anyMatch(name -> name != null)) {
            throw unsupported("messages[].name", "Groq does not support names on messages");
        }
        // logprobs:false asks for nothing, yet Groq rejects the field's presence: dropping it changes nothing.
        return Boolean.FALSE.equals(request.logprobs()) ? copy(request, request.streamOptions(), request.maxTokens(),
                request.maxCompletionTokens(), null) : request;
    }

    private static ChatRequest limitAsMaxTokens(ChatRequest request, StreamOptions streamOptions) {
        if (request.maxCompletionTokens() == null && streamOptions == request.streamOptions()) {
            return request;
        }
        return copy(request, streamOptions, request.outputTokenLimit(), null, request.logprobs());
    }

    private static List<ChatChunk> splitUsage(ChatChunk chunk) {
        if (chunk.usage() == null || chunk.choices().isEmpty()) {
            return List.of(chunk);
        }
        long created = chunk.created() == null ? 0 : chunk.created();
        return List.of(chunk.withoutUsage(), ChatChunk.usageChunk(chunk.id(), created, chunk.model(), chunk.usage()));
    }

    /**
     * DeepSeek reports cache hits as {@code prompt_cache_hit_tokens} (a part of {@code prompt_tokens}, beside
     * {@code prompt_cache_miss_tokens}) rather than {@code prompt_tokens_details.cached_tokens}
     * (api-docs.deepseek.com, context caching guide); copied across unless the server already sends the latter.
     */
    private static Usage deepSeekUsage(Usage usage) {
        JsonNode hits = usage.extra().get("prompt_cache_hit_tokens");
        boolean hasCached = usage.promptTokensDetails() != null && usage.promptTokensDetails().cachedTokens() != null;
        if (hasCached || hits == null || !hits.isNumber()) {
            return usage;
        }
        Integer audio = usage.promptTokensDetails() == null ? null : usage.promptTokensDetails().audioTokens();
        return new Usage(usage.promptTokens(), usage.completionTokens(), usage.totalTokens(),
                new Usage.PromptTokensDetails(hits.asInt(), audio), usage.completionTokensDetails(), usage.extra());
    }

    private static ChatRequest copy(ChatRequest r, StreamOptions streamOptions, Integer maxTokens,
            Integer maxCompletionTokens, Boolean logprobs) {
        return new ChatRequest(r.model(), r.messages(), r.stream(), streamOptions, r.tools(), r.toolChoice(),
                r.parallelToolCalls(), r.responseFormat(), r.n(), r.stop(), r.seed(), logprobs, r.topLogprobs(),
                maxTokens, maxCompletionTokens, r.temperature(), r.topP(), r.presencePenalty(), r.frequencyPenalty(),
                r.user(), r.extra());
    }

    private static ProviderException unsupported(String param, String message) {
        return new ProviderException(ErrorType.UNSUPPORTED, ErrorType.UNSUPPORTED.defaultStatus(),
                message + " (parameter " + param + ")", param, "unsupported_parameter", null, null);
    }
}
