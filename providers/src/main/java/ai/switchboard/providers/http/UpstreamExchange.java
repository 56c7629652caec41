package ai.switchboard.providers.http;

import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.error.UpstreamErrors;
import java.io.ByteArrayOutputStream;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a prepared upstream request and turns every failure into a classified {@link ProviderException}: non-2xx
 * answers are read (up to a bound) and passed to {@link UpstreamErrors}, transport and decoding failures likewise.
 * Shared by every adapter; the adapter only builds the request and translates the body.
 */
public final class UpstreamExchange {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE =
            new ParameterizedTypeReference<>() {
            };

    private UpstreamExchange() {
    }

    /** Sends the request and decodes a 2xx JSON body; an empty body is a malformed response. */
    public static <T> Mono<T> json(ProviderEndpoint endpoint, WebClient.RequestHeadersSpec<?> request,
            Class<T> type, int maxErrorBodySize) {
        return json(endpoint, request, type, maxErrorBodySize, UpstreamErrors::fromResponse);
    }

    /** As {@link #json(ProviderEndpoint, WebClient.RequestHeadersSpec, Class, int)}, with the provider's reader. */
    public static <T> Mono<T> json(ProviderEndpoint endpoint, WebClient.RequestHeadersSpec<?> request,
            Class<T> type, int maxErrorBodySize, UpstreamErrorReader errors) {
        return request.exchangeToMono(response -> {
            if (response.statusCode().is2xxSuccessful()) {
                return response.bodyToMono(type).switchIfEmpty(
                        Mono.error(() -> UpstreamErrors.malformed(endpoint, "an empty response body", null)));
            }
            return failure(endpoint, response, maxErrorBodySize, errors).flatMap(Mono::error);
        }).onErrorMap(failure -> UpstreamErrors.fromThrowable(endpoint, failure));
    }

    /**
     * Sends the request and yields the server-sent events of a 2xx answer as they arrive. Once the headers are in,
     * a dropped connection is reported as {@code STREAM_INTERRUPTED}. Cancelling the returned flux closes the
     * upstream connection, which is how an abandoned client stops the provider from generating (and billing).
     */
    public static Flux<ServerSentEvent<String>> events(ProviderEndpoint endpoint,
            WebClient.RequestHeadersSpec<?> request, int maxErrorBodySize) {
        return events(endpoint, request, maxErrorBodySize, UpstreamErrors::fromResponse);
    }

    /** As {@link #events(ProviderEndpoint, WebClient.RequestHeadersSpec, int)}, with the provider's reader. */
    public static Flux<ServerSentEvent<String>> events(ProviderEndpoint endpoint,
            WebClient.RequestHeadersSpec<?> request, int maxErrorBodySize, UpstreamErrorReader errors) {
        return request.exchangeToFlux(response -> {
            if (response.statusCode().is2xxSuccessful()) {
                return response.bodyToFlux(SSE)
                        .onErrorMap(failure -> UpstreamErrors.fromStreamFailure(endpoint, failure));
            }
            return failure(endpoint, response, maxErrorBodySize, errors).flatMapMany(Flux::error);
        }).onErrorMap(failure -> UpstreamErrors.fromThrowable(endpoint, failure));
    }

    /**
     * Reads at most {@code maxBytes} of a non-2xx body (discarding the rest) and classifies the answer with
     * {@code errors}. Public for adapters whose 2xx bodies need their own decoding (Bedrock's binary event stream).
     */
    public static Mono<ProviderException> failure(ProviderEndpoint endpoint, ClientResponse response, int maxBytes,
            UpstreamErrorReader errors) {
        int status = response.statusCode().value();
        return response.bodyToFlux(DataBuffer.class)
                .collect(() -> new BoundedBytes(maxBytes), BoundedBytes::append)
                .map(BoundedBytes::toByteArray)
                // A body that breaks off mid-way still leaves the status to classify by.
                .onErrorReturn(new byte[0])
                .defaultIfEmpty(new byte[0])
                .map(body -> errors.read(endpoint, status, response.headers().asHttpHeaders(), body));
    }

    /** Collects the head of a body and releases every buffer, so a huge error page costs no memory. */
    private static final class BoundedBytes {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        private final int max;

        BoundedBytes(int max) {
            this.max = max;
        }

        void append(DataBuffer buffer) {
            try {
                int room = max - bytes.size();
                if (room > 0) {
                    byte[] chunk = new byte[Math.min(room, buffer.readableByteCount())];
                    buffer.read(chunk);
                    bytes.writeBytes(chunk);
                }
            }
            finally {
                DataBufferUtils.release(buffer);
            }
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}
