package ai.switchboard.providers.anthropic.internal.client;

import ai.switchboard.providers.anthropic.internal.api.AnthropicRequest;
import ai.switchboard.providers.anthropic.internal.api.AnthropicResponse;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.http.UpstreamExchange;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * HTTP calls to the Messages API: {@code POST {root}/v1/messages} with {@code x-api-key},
 * {@code anthropic-version} and the endpoint's extra headers (an {@code anthropic-beta} header goes there).
 *
 * <p>The base URL is the API root, with or without {@code /v1}: {@code https://api.anthropic.com},
 * {@code https://api.anthropic.com/} and {@code https://api.anthropic.com/v1} all reach
 * {@code https://api.anthropic.com/v1/messages}, and a proxy prefix ({@code https://proxy/anthropic}) is kept.
 */
public final class AnthropicClient {

    /** The API version sent unless the endpoint's {@value #VERSION_SETTING} setting names another. */
    public static final String DEFAULT_VERSION = "2023-06-01";

    /** Endpoint setting overriding {@link #DEFAULT_VERSION}. */
    public static final String VERSION_SETTING = "anthropic_version";

    private static final String VERSION_HEADER = "anthropic-version";
    private static final String API_KEY_HEADER = "x-api-key";
    private static final String MESSAGES_PATH = "/v1/messages";
    private static final List<MediaType> ACCEPT_JSON = List.of(MediaType.APPLICATION_JSON);
    private static final List<MediaType> ACCEPT_EVENTS = List.of(MediaType.TEXT_EVENT_STREAM);

    private final ProviderHttpClients clients;

    public AnthropicClient(ProviderHttpClients clients) {
        this.clients = clients;
    }

    /** Sends a non-streamed request. */
    public Mono<AnthropicResponse> messages(ProviderEndpoint endpoint, AnthropicRequest request) {
        return Mono.defer(() -> UpstreamExchange.json(endpoint, request(endpoint, request, ACCEPT_JSON),
                        AnthropicResponse.class, clients.settings().maxErrorBodySize()))
                .onErrorMap(ProviderException.class, AnthropicErrors::refine);
    }

    /** Sends a streamed request and yields its server-sent events as they arrive. */
    public Flux<ServerSentEvent<String>> streamMessages(ProviderEndpoint endpoint, AnthropicRequest request) {
        return Flux.defer(() -> UpstreamExchange.events(endpoint, request(endpoint, request, ACCEPT_EVENTS),
                        clients.settings().maxErrorBodySize()))
                .onErrorMap(ProviderException.class, AnthropicErrors::refine);
    }

    private WebClient.RequestHeadersSpec<?> request(ProviderEndpoint endpoint, AnthropicRequest body,
            List<MediaType> accept) {
        return clients.client(endpoint)
                .post()
                .uri(messagesUri(endpoint.baseUrl()))
                .headers(headers -> {
                    endpoint.headers().forEach(headers::set);
                    if (endpoint.apiKey() != null && !endpoint.apiKey().isEmpty()) {
                        headers.set(API_KEY_HEADER, endpoint.apiKey());
                    }
                    String version = endpoint.settings().get(VERSION_SETTING);
                    if (version != null && !version.isBlank()) {
                        headers.set(VERSION_HEADER, version.trim());
                    }
                    else if (!headers.containsHeader(VERSION_HEADER)) {
                        headers.set(VERSION_HEADER, DEFAULT_VERSION);
                    }
                    headers.setAccept(accept);
                    headers.setContentType(MediaType.APPLICATION_JSON);
                    // Pooled keep-alive connections are the point of the per-provider pool.
                    headers.remove(HttpHeaders.CONNECTION);
                })
                .bodyValue(body);
    }

    /** The Messages endpoint under a base URL given with or without {@code /v1} and trailing slashes. */
    static URI messagesUri(URI baseUrl) {
        String base = baseUrl.toString();
        int queryStart = base.indexOf('?');
        String query = queryStart >= 0 ? base.substring(queryStart) : "";
        base = queryStart >= 0 ? base.substring(0, queryStart) : base;
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (base.endsWith("/v1")) {
            base = base.substring(0, base.length() - 3);
        }
        return URI.create(base + MESSAGES_PATH + query);
    }
}
