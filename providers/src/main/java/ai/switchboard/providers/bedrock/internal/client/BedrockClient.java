package ai.switchboard.providers.bedrock.internal.client;

import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.error.UpstreamErrors;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.http.UpstreamExchange;
import ai.switchboard.providers.json.WireJson;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.eventstream.Message;

/**
 * HTTP calls to the Bedrock runtime: {@code POST {baseUrl}/model/{modelId}/{operation}} with a JSON body that is
 * serialized once, signed, and sent as exactly those bytes. Non-2xx answers are read (up to a bound) and classified
 * by {@link BedrockErrors}; transport failures by {@link UpstreamErrors}.
 */
public final class BedrockClient {

    static final String EVENT_STREAM = "application/vnd.amazon.eventstream";

    private final ProviderHttpClients clients;
    private final BedrockAuth auth;

    public BedrockClient(ProviderHttpClients clients, BedrockAuth auth) {
        this.clients = clients;
        this.auth = auth;
    }

    /** The path of an operation on a model; the id is percent-encoded ({@code :} and an ARN's {@code /}). */
    public static String modelPath(String modelId, String operation) {
        return "/model/" + URLEncoder.encode(modelId, StandardCharsets.UTF_8).replace("+", "%20") + "/" + operation;
    }

    /** Posts {@code body} and decodes the 2xx JSON answer as {@code type}. */
    public <T> Mono<T> postJson(ProviderEndpoint endpoint, String path, Object body, Class<T> type) {
        return Mono.defer(() -> UpstreamExchange.json(endpoint, request(endpoint, path, body, "application/json"), type,
                clients.settings().maxErrorBodySize(), BedrockErrors::fromResponse));
    }

    /**
     * Posts {@code body} and yields the event-stream frames of the 2xx answer as they complete. Once the headers are
     * in, a dropped connection is {@code STREAM_INTERRUPTED}; cancelling closes the upstream connection.
     */
    public Flux<Message> postEventStream(ProviderEndpoint endpoint, String path, Object body) {
        return Flux.defer(() -> {
            EventStreamDecoder decoder = new EventStreamDecoder(endpoint);
            return request(endpoint, path, body, EVENT_STREAM)
                    .exchangeToFlux(response -> {
                        if (response.statusCode().is2xxSuccessful()) {
                            // map, not a queueing operator, so each pooled buffer is released as soon as it is read
                            return response.bodyToFlux(DataBuffer.class)
                                    .map(decoder::feed)
                                    .onErrorMap(failure -> UpstreamErrors.fromStreamFailure(endpoint, failure));
                        }
                        return failure(endpoint, response).flatMapMany(Flux::error);
                    })
                    .flatMapIterable(messages -> messages);
        }).onErrorMap(failure -> UpstreamErrors.fromThrowable(endpoint, failure));
    }

    private WebClient.RequestHeadersSpec<?> request(ProviderEndpoint endpoint, String path, Object body,
            String accept) {
        byte[] bytes = WireJson.mapper().writeValueAsBytes(body);
        URI uri = resolve(endpoint.baseUrl(), path);
        Map<String, String> headers = new LinkedHashMap<>(endpoint.headers());
        headers.put(HttpHeaders.CONTENT_TYPE, "application/json");
        headers.put(HttpHeaders.ACCEPT, accept);
        Map<String, List<String>> signed = auth.authenticate(endpoint, BedrockSettings.of(endpoint), uri, headers,
                bytes);
        return clients.client(endpoint)
                .post()
                .uri(uri)
                .headers(out -> {
                    signed.forEach(out::put);
                    // Pooled keep-alive connections are the point of the per-provider pool.
                    out.remove(HttpHeaders.CONNECTION);
                })
                .bodyValue(bytes);
    }

    private Mono<ProviderException> failure(ProviderEndpoint endpoint, ClientResponse response) {
        return UpstreamExchange.failure(endpoint, response, clients.settings().maxErrorBodySize(),
                BedrockErrors::fromResponse);
    }

    /** Appends {@code path} to the base URL, tolerating a trailing slash. */
    static URI resolve(URI baseUrl, String path) {
        String base = baseUrl.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + path);
    }
}
