package ai.switchboard.routing.policy;

import ai.switchboard.providers.api.ChatRequest;
import reactor.core.publisher.Mono;

/**
 * Lets composite policies call a target (a model or route name) with the gateway's full resilient execution, as a
 * complete (non-streamed) answer. Calls record their attempts in the request's trace.
 */
@FunctionalInterface
public interface TargetInvoker {

    Mono<TargetAnswer> call(String target, ChatRequest request);
}
