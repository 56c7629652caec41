package ai.switchboard.providers.cohere.internal.client;

import ai.switchboard.providers.api.ProviderEndpoint;
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
 * HTTP calls to the Cohere v2 API: {@code POST {baseUrl}/v2/chat} and {@code /v2/embed} with bearer authentication
 * and the endpoint's extra headers. Failures come out classified, Cohere's own statuses (498, 499) included.
 *
 * <p>The base URL is the API root ({@code https://api.cohere.com}); a root that already ends in {@code /v2} is
 * accepted too, because that is how Cohere's reference pages write their URLs and admins copy them.
 */
public final class CohereClient {

    public static final String CHAT_PATH = "/chat";
    public static final String EMBED_PATH = "/embed";

    private static final String VERSION = "/v2";
    private static final List<MediaType> ACCEPT_JSON = List.of(MediaType.APPLICATION_JSON);
    private static final List<MediaType> ACCEPT_EVENTS = List.of(MediaType.TEXT_EVENT_STREAM);

    private final ProviderHttpClients clients;

    public CohereClient(ProviderHttpClients clients) {
        this.clients = clients;
    }

    /** Posts {@code body} to {@code /v2{path}} and decodes the JSON answer as {@code type}. */
    public <T> Mono<T> postJson(ProviderEndpoint endpoint, String path, Object body, Class<T> type) {
        return Mono.defer(() -> UpstreamExchange.json(endpoint, request(endpoint, path, body, ACCEPT_JSON), type,
                        clients.settings().maxErrorBodySize()))
                .onErrorMap(failure -> CohereErrors.refine(endpoint, failure));
    }

    /** Posts {@code body} to {@code /v2{path}} and yields the server-sent events of the answer as they arrive. */
    public Flux<ServerSentEvent<String>> postStream(ProviderEndpoint endpoint, String path, Object body) {
        return Flux.defer(() -> UpstreamExchange.events(endpoint, request(endpoint, path, body, ACCEPT_EVENTS),
                        clients.settings().maxErrorBodySize()))
                .onErrorMap(failure -> CohereErrors.refine(endpoint, failure));
    }

    private WebClient.RequestHeadersSpec<?> request(ProviderEndpoint endpoint, String path, Object body,
            List<MediaType> accept) {
        return clients.client(endpoint)
                .post()
                .uri(resolve(endpoint.baseUrl(), path))
                .headers(headers -> {
                    endpoint.headers().forEach(headers::set);
                    if (endpoint.apiKey() != null && !endpoint.apiKey().isEmpty()) {
                        headers.setBearerAuth(endpoint.apiKey());
                    }
                    headers.setAccept(accept);
                    headers.setContentType(MediaType.APPLICATION_JSON);
                    headers.remove(HttpHeaders.CONNECTION);
                })
                .bodyValue(body);
    }

    /**
     * {@code {root}/v2{path}}, whether or not the configured root already ends in {@code /v2}, tolerating a trailing
     * slash and keeping a query string (some proxies put a token there).
     */
    static URI resolve(URI baseUrl, String path) {
        String base = baseUrl.toString();
        String query = "";
        int queryStart = base.indexOf('?');
        if (queryStart >= 0) {
            query = base.substring(queryStart);
            base = base.substring(0, queryStart);
        }
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (base.endsWith(VERSION)) {
            base = base.substring(0, base.length() - VERSION.length());
        }
        return URI.create(base + VERSION + path + query);
    }
}
