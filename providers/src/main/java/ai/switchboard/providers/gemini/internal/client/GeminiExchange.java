package ai.switchboard.providers.gemini.internal.client;

import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.error.UpstreamErrors;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a prepared Gemini request like {@link ai.switchboard.providers.http.UpstreamExchange} does, except that a
 * non-2xx body goes through {@link GeminiErrors}, which needs the body's Google error details (the shared runner
 * passes bodies straight to the generic classifier). Transport and decoding failures are classified by
 * {@link UpstreamErrors} as for every provider.
 */
final class GeminiExchange {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE =
            new ParameterizedTypeReference<>() {
            };

    private GeminiExchange() {
    }

    /** Sends the request and decodes a 2xx JSON body; an empty body is a malformed response. */
    static <T> Mono<T> json(ProviderEndpoint endpoint, WebClient.RequestHeadersSpec<?> request, Class<T> type,
            int maxErrorBodySize) {
        return request.exchangeToMono(response -> {
            if (response.statusCode().is2xxSuccessful()) {
                return response.bodyToMono(type).switchIfEmpty(
                        Mono.error(() -> UpstreamErrors.malformed(endpoint, "an empty response body", null)));
            }
            return failure(endpoint, response, maxErrorBodySize).flatMap(Mono::error);
        }).onErrorMap(failure -> UpstreamErrors.fromThrowable(endpoint, failure));
    }

    /**
     * Sends the request and yields the server-sent events of a 2xx answer as they arrive; once the headers are in,
     * a dropped connection is {@code STREAM_INTERRUPTED}. Cancelling the flux closes the upstream connection.
     */
    static Flux<ServerSentEvent<String>> events(ProviderEndpoint endpoint, WebClient.RequestHeadersSpec<?> request,
            int maxErrorBodySize) {
        return request.exchangeToFlux(response -> {
            if (response.statusCode().is2xxSuccessful()) {
                return response.bodyToFlux(SSE)
                        .onErrorMap(failure -> UpstreamErrors.fromStreamFailure(endpoint, failure));
            }
            return failure(endpoint, response, maxErrorBodySize).flatMapMany(Flux::error);
        }).onErrorMap(failure -> UpstreamErrors.fromThrowable(endpoint, failure));
    }

    /** Reads at most {@code maxBytes} of the error body (the rest is discarded unread) and classifies it. */
    private static Mono<ProviderException> failure(ProviderEndpoint endpoint, ClientResponse response, int maxBytes) {
        int status = response.statusCode().value();
        return DataBufferUtils.join(DataBufferUtils.takeUntilByteCount(response.bodyToFlux(DataBuffer.class), maxBytes))
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    }
                    finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                // A body that breaks off mid-way still leaves the status to classify by.
                .onErrorReturn(new byte[0])
                .defaultIfEmpty(new byte[0])
                .map(body -> GeminiErrors.fromResponse(endpoint, status, response.headers().asHttpHeaders(), body));
    }
}
