package ai.switchboard.routing.policy;

import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.providers.api.EmbeddingResponse;
import reactor.core.publisher.Mono;

/**
 * Lets policies embed text with a target (an embeddings model or a route over such models) through the gateway's
 * resilient execution, exactly as a client's {@code /v1/embeddings} call would be served. Calls record their
 * attempts in the request's trace.
 */
@FunctionalInterface
public interface EmbeddingInvoker {

    Mono<EmbeddingResponse> embed(String target, EmbeddingRequest request);
}
