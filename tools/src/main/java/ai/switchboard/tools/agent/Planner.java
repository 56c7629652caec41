package ai.switchboard.tools.agent;

import ai.switchboard.providers.api.ChatRequest;
import reactor.core.publisher.Mono;

/**
 * Makes the model call of one step of a run: the gateway's route engine, through the request's route or model,
 * with its retries and failover. Cancelling the returned {@code Mono} must cancel the call.
 */
@FunctionalInterface
public interface Planner {

    /** The model's answer to {@code request}, and what it cost. */
    Mono<PlannedStep> plan(ChatRequest request);
}
