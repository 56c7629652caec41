package ai.switchboard.gateway.pipeline;

import reactor.core.publisher.Mono;

/**
 * One step every GenAI request passes through, whatever its wire format. {@link #enter} runs before the upstream is
 * called and may end the request early with a typed error ({@code ApiException}, thrown or signalled); {@link #exit}
 * runs exactly once when the request ends, for every stage in the pipeline's order, whether or not its
 * {@code enter} was reached (a request refused while its body was read still ends, and is still recorded). A stage
 * that took something (a budget reservation, a rate-limit permit) keeps it in the context and gives it back there.
 *
 * <p>Most stages decide synchronously: they return {@link Mono#empty()} (the shared instance), which the pipeline
 * recognises and skips without building a reactive chain. A stage that must wait (a lease from the database, a
 * shared cache) returns a real {@code Mono} and never blocks the calling thread.
 */
public interface RequestStage {

    /** Runs before the call. Returns {@code Mono.empty()} to go on, or a {@code Mono} that completes when it may. */
    Mono<Void> enter(RequestContext context);

    /**
     * Runs once when the request has ended, with how it ended, also when {@link #enter} never ran. Must not throw
     * and must not block.
     */
    default void exit(RequestContext context, Outcome outcome) {
    }
}
