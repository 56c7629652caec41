package ai.switchboard.providers.api;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * A provider's native Anthropic Messages API, offered by adapters whose provider speaks it (see
 * {@link ProviderAdapter#anthropicMessages()}). Requests and answers pass through untranslated, so nothing a client
 * sends or receives is lost; only the model id is the caller's to rewrite, and usage is read for accounting.
 * Failures are classified {@link ProviderException}s, as for every other call.
 */
public interface AnthropicMessagesApi {

    /** A complete Messages answer ({@code POST /v1/messages}). */
    Mono<AnthropicMessagesAnswer> create(ProviderEndpoint endpoint, AnthropicMessagesCall call);

    /**
     * A streamed Messages answer, one element per upstream server-sent event, as it arrives. The stream completes
     * after {@code message_stop}; it ends with an error, never a completion, when the upstream sends an {@code error}
     * event or breaks off before {@code message_stop}. Cancelling it cancels the upstream call.
     */
    Flux<AnthropicMessagesEvent> stream(ProviderEndpoint endpoint, AnthropicMessagesCall call);

    /** The upstream's own count of a request's input tokens ({@code POST /v1/messages/count_tokens}), as answered. */
    Mono<ObjectNode> countTokens(ProviderEndpoint endpoint, AnthropicMessagesCall call);
}
