package ai.switchboard.providers.anthropic.internal.client;

import ai.switchboard.providers.anthropic.internal.api.AnthropicRequest;
import ai.switchboard.providers.anthropic.internal.api.AnthropicResponse;
import ai.switchboard.providers.api.AnthropicMessagesCall;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.http.UpstreamExchange;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * HTTP calls to the Messages API: {@code POST {root}/v1/messages} (and {@code /v1/messages/count_tokens}) with
 * {@code x-api-key}, {@code anthropic-version} and the endpoint's extra headers (an {@code anthropic-beta} header goes
 * there). Passed-through calls also carry the client's {@code anthropic-version} and {@code anthropic-beta} values.
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
    private static final String BETA_HEADER = "anthropic-beta";
    private static final String API_KEY_HEADER = "x-api-key";
    private static final String MESSAGES_PATH = "/v1/messages";
    private static final String COUNT_TOKENS_PATH = "/v1/messages/count_tokens";
    private static final List<MediaType> ACCEPT_JSON = List.of(MediaType.APPLICATION_JSON);
    private static final List<MediaType> ACCEPT_EVENTS = List.of(MediaType.TEXT_EVENT_STREAM);

    private final ProviderHttpClients clients;

    public AnthropicClient(ProviderHttpClients clients) {
        this.clients = clients;
    }

    /** Sends a non-streamed request. */
    public Mono<AnthropicResponse> messages(ProviderEndpoint endpoint, AnthropicRequest request) {
        return Mono.defer(() -> UpstreamExchange.json(endpoint,
                        request(endpoint, MESSAGES_PATH, request, ACCEPT_JSON, null, List.of()),
                        AnthropicResponse.class, clients.settings().maxErrorBodySize()))
                .onErrorMap(ProviderException.class, AnthropicErrors::refine);
    }

    /** Sends a streamed request and yields its server-sent events as they arrive. */
    public Flux<ServerSentEvent<String>> streamMessages(ProviderEndpoint endpoint, AnthropicRequest request) {
        return Flux.defer(() -> UpstreamExchange.events(endpoint,
                        request(endpoint, MESSAGES_PATH, request, ACCEPT_EVENTS, null, List.of()),
                        clients.settings().maxErrorBodySize()))
                .onErrorMap(ProviderException.class, AnthropicErrors::refine);
    }

    /** Sends a client's non-streamed request body as it is and yields the answer as it is. */
    public Mono<ObjectNode> passThrough(ProviderEndpoint endpoint, AnthropicMessagesCall call) {
        return json(endpoint, MESSAGES_PATH, call);
    }

    /** Sends a client's streamed request body as it is and yields the server-sent events as they arrive. */
    public Flux<ServerSentEvent<String>> streamPassThrough(ProviderEndpoint endpoint, AnthropicMessagesCall call) {
        return Flux.defer(() -> UpstreamExchange.events(endpoint,
                        request(endpoint, MESSAGES_PATH, call.body(), ACCEPT_EVENTS, call.version(), call.betas()),
                        clients.settings().maxErrorBodySize()))
                .onErrorMap(ProviderException.class, AnthropicErrors::refine);
    }

    /** Sends a client's token-counting body as it is to {@code /v1/messages/count_tokens}. */
    public Mono<ObjectNode> countTokens(ProviderEndpoint endpoint, AnthropicMessagesCall call) {
        return json(endpoint, COUNT_TOKENS_PATH, call);
    }

    private Mono<ObjectNode> json(ProviderEndpoint endpoint, String path, AnthropicMessagesCall call) {
        return Mono.defer(() -> UpstreamExchange.json(endpoint,
                        request(endpoint, path, call.body(), ACCEPT_JSON, call.version(), call.betas()),
                        ObjectNode.class, clients.settings().maxErrorBodySize()))
                .onErrorMap(ProviderException.class, AnthropicErrors::refine);
    }

    /**
     * {@code clientVersion} wins over the endpoint's version: a passed-through body is written for the version its
     * client named. {@code clientBetas} are added to the betas the endpoint is configured with.
     */
    private WebClient.RequestHeadersSpec<?> request(ProviderEndpoint endpoint, String path, Object body,
            List<MediaType> accept, String clientVersion, List<String> clientBetas) {
        return clients.client(endpoint)
                .post()
                .uri(uri(endpoint.baseUrl(), path))
                .headers(headers -> {
                    endpoint.headers().forEach(headers::set);
                    if (endpoint.apiKey() != null && !endpoint.apiKey().isEmpty()) {
                        headers.set(API_KEY_HEADER, endpoint.apiKey());
                    }
                    String version = endpoint.settings().get(VERSION_SETTING);
                    if (clientVersion != null && !clientVersion.isBlank()) {
                        headers.set(VERSION_HEADER, clientVersion.trim());
                    }
                    else if (version != null && !version.isBlank()) {
                        headers.set(VERSION_HEADER, version.trim());
                    }
                    else if (!headers.containsHeader(VERSION_HEADER)) {
                        headers.set(VERSION_HEADER, DEFAULT_VERSION);
                    }
                    if (!clientBetas.isEmpty()) {
                        headers.set(BETA_HEADER, betas(headers.getFirst(BETA_HEADER), clientBetas));
                    }
                    headers.setAccept(accept);
                    headers.setContentType(MediaType.APPLICATION_JSON);
                    // Pooled keep-alive connections are the point of the per-provider pool.
                    headers.remove(HttpHeaders.CONNECTION);
                })
                .bodyValue(body);
    }

    /** The configured betas followed by the client's, each once. */
    static String betas(String configured, List<String> clientBetas) {
        Set<String> all = new LinkedHashSet<>();
        if (configured != null) {
            for (String beta : configured.split(",")) {
                if (!beta.isBlank()) {
                    all.add(beta.strip());
                }
            }
        }
        all.addAll(clientBetas);
        return String.join(",", all);
    }

    /** The Messages endpoint under a base URL given with or without {@code /v1} and trailing slashes. */
    static URI messagesUri(URI baseUrl) {
        return uri(baseUrl, MESSAGES_PATH);
    }

    /** {@code path} (starting with {@code /v1}) under a base URL given with or without {@code /v1}. */
    static URI uri(URI baseUrl, String path) {
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
        return URI.create(base + path + query);
    }
}
