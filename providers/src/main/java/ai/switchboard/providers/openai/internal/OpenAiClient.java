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
 * HTTP calls to an OpenAI-format API: {@code POST} of the body serialized by the shared wire mapper to the address
 * and with the credential its {@link OpenAiRoute} gives, plus the endpoint's extra headers.
 */
public final class OpenAiClient {

    private static final List<MediaType> ACCEPT_JSON = List.of(MediaType.APPLICATION_JSON);
    private static final List<MediaType> ACCEPT_EVENTS = List.of(MediaType.TEXT_EVENT_STREAM);

    private final ProviderHttpClients clients;
    private final OpenAiRoute route;

    public OpenAiClient(ProviderHttpClients clients, OpenAiRoute route) {
        this.clients = clients;
        this.route = route;
    }

    /** Posts {@code body}, addressed to {@code model}, and decodes the JSON answer as {@code type}. */
    public <T> Mono<T> postJson(ProviderEndpoint endpoint, String operation, String model, Object body,
            Class<T> type) {
        return Mono.defer(() -> UpstreamExchange.json(endpoint,
                request(endpoint, operation, model, body, ACCEPT_JSON), type, clients.settings().maxErrorBodySize()));
    }

    /** Posts {@code body}, addressed to {@code model}, and yields the server-sent events of the answer. */
    public Flux<ServerSentEvent<String>> postStream(ProviderEndpoint endpoint, String operation, String model,
            Object body) {
        return Flux.defer(() -> UpstreamExchange.events(endpoint,
                request(endpoint, operation, model, body, ACCEPT_EVENTS), clients.settings().maxErrorBodySize()));
    }

    private WebClient.RequestHeadersSpec<?> request(ProviderEndpoint endpoint, String operation, String model,
            Object body, List<MediaType> accept) {
        return clients.client(endpoint)
                .post()
                .uri(route.uri(endpoint, operation, model))
                .headers(headers -> {
                    endpoint.headers().forEach(headers::set);
                    route.authenticate(endpoint, headers);
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
