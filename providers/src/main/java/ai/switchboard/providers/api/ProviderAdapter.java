package ai.switchboard.providers.api;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Speaks one provider wire protocol. An adapter translates the canonical OpenAI-shaped request to its provider's
 * format, calls the provider without blocking, and translates the answer back; failures are signalled as
 * {@link ProviderException}s. Requests arrive with {@code model} already set to the upstream model id.
 *
 * <p>Streams are translated chunk by chunk as they arrive and must end with an error, never with a normal
 * completion, when the upstream stream breaks. Cancelling the returned publisher cancels the upstream call.
 */
public interface ProviderAdapter {

    /** The provider type this adapter serves, as stored in the registry (e.g. {@code openai}). */
    String type();

    /**
     * Checks a provider of this type before the registry saves it: every setting the adapter does not read is
     * refused, each one it reads is checked as it will be read, and so is anything in the base URL the adapter would
     * not honour. The default refuses every setting and a query in the base URL; an adapter names what it reads.
     *
     * @param baseUrl the provider's base URL, already known to be an absolute http(s) URL
     * @param settings the provider's settings
     * @return messages keyed by field ({@code settings.<key>} or {@code base_url}); empty when the provider is valid
     */
    default Map<String, String> check(URI baseUrl, Map<String, String> settings) {
        return ProviderConfigCheck.of(type(), baseUrl, settings).reads(Set.of()).noQuery().problems();
    }

    /** A complete chat completion. */
    Mono<ChatResponse> chat(ProviderEndpoint endpoint, ChatRequest request);

    /** A streamed chat completion; a final usage chunk is emitted when the upstream reports usage. */
    Flux<ChatChunk> streamChat(ProviderEndpoint endpoint, ChatRequest request);

    /** Embeddings; providers without them answer {@link ErrorType#UNSUPPORTED}. */
    default Mono<EmbeddingResponse> embed(ProviderEndpoint endpoint, EmbeddingRequest request) {
        return Mono.error(ProviderException.of(ErrorType.UNSUPPORTED,
                "Provider type '" + type() + "' does not offer embeddings"));
    }

    /** A legacy text completion ({@code /v1/completions}), passed as OpenAI JSON. */
    default Mono<ObjectNode> complete(ProviderEndpoint endpoint, ObjectNode request) {
        return Mono.error(ProviderException.of(ErrorType.UNSUPPORTED,
                "Provider type '" + type() + "' does not offer legacy completions"));
    }

    /**
     * Whether {@code endpoint} speaks OpenAI's Responses API natively, so that {@link #responses} and
     * {@link #streamResponses} may be called. When it does not, the gateway translates a Responses request through
     * the canonical chat model instead; asking first spares a failed attempt.
     */
    default boolean servesResponses(ProviderEndpoint endpoint) {
        return false;
    }

    /**
     * A Responses API call passed through natively: {@code body} is the client's request with {@code model} already
     * set to the upstream model id; the answer is the upstream's {@code response} object. A response that failed
     * upstream ({@code status: failed}) is signalled as a {@link ProviderException}.
     */
    default Mono<ObjectNode> responses(ProviderEndpoint endpoint, ObjectNode body) {
        return Mono.error(ProviderException.of(ErrorType.UNSUPPORTED,
                "Provider type '" + type() + "' does not offer the Responses API"));
    }

    /**
     * A streamed Responses API call passed through natively: one element per server-sent event, its JSON as sent
     * (each has its {@code type}). Completes after the terminal event ({@code response.completed},
     * {@code response.incomplete} or {@code response.failed}); an {@code error} event, or a stream that ends before
     * a terminal event, ends it with a {@link ProviderException}.
     */
    default Flux<ObjectNode> streamResponses(ProviderEndpoint endpoint, ObjectNode body) {
        return Flux.error(ProviderException.of(ErrorType.UNSUPPORTED,
                "Provider type '" + type() + "' does not offer the Responses API"));
    }

    /** A streamed legacy text completion, one OpenAI JSON chunk per element. */
    default Flux<ObjectNode> streamComplete(ProviderEndpoint endpoint, ObjectNode request) {
        return Flux.error(ProviderException.of(ErrorType.UNSUPPORTED,
                "Provider type '" + type() + "' does not offer legacy completions"));
    }

    /**
     * The provider's own Anthropic Messages API, through which {@code /v1/messages} requests pass untranslated; empty
     * (the default) for providers that do not speak it, whose requests are translated through the canonical model.
     */
    default Optional<AnthropicMessagesApi> anthropicMessages() {
        return Optional.empty();
    }
}
