package ai.switchboard.providers.openai.internal;

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
 * HTTP calls to an OpenAI-compatible API: {@code POST {baseUrl}{path}} with the body serialized by the shared wire
 * mapper, bearer authentication when a key is configured, and the endpoint's extra headers.
 */
public final class OpenAiClient {

    private static final List<MediaType> ACCEPT_JSON = List.of(MediaType.APPLICATION_JSON);
    private static final List<MediaType> ACCEPT_EVENTS = List.of(MediaType.TEXT_EVENT_STREAM);

    private final ProviderHttpClients clients;

    public OpenAiClient(ProviderHttpClients clients) {
        this.clients = clients;
    }

    /** Posts {@code body} and decodes the JSON answer as {@code type}. */
    public <T> Mono<T> postJson(ProviderEndpoint endpoint, String path, Object body, Class<T> type) {
        return Mono.defer(() -> UpstreamExchange.json(endpoint, request(endpoint, path, body, ACCEPT_JSON), type,
                clients.settings().maxErrorBodySize()));
    }

    /** Posts {@code body} and yields the server-sent events of the answer as they arrive. */
    public Flux<ServerSentEvent<String>> postStream(ProviderEndpoint endpoint, String path, Object body) {
        return Flux.defer(() -> UpstreamExchange.events(endpoint, request(endpoint, path, body, ACCEPT_EVENTS),
                clients.settings().maxErrorBodySize()));
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
                    // Pooled keep-alive connections are the point of the per-provider pool.
                    headers.remove(HttpHeaders.CONNECTION);
                })
                .bodyValue(body);
    }

    /** Appends {@code path} to the base URL, tolerating a trailing slash and keeping any query (e.g. Azure's). */
    static URI resolve(URI baseUrl, String path) {
        String base = baseUrl.toString();
        String query = "";
        int queryStart = base.indexOf('?');
        if (queryStart >= 0) {
            query = base.substring(queryStart);
            base = base.substring(0, queryStart);
        }
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + path + query);
    }
}
