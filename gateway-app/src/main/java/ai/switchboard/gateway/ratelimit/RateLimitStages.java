package ai.switchboard.gateway.ratelimit;

import ai.switchboard.gateway.pipeline.RequestStage;

/**
 * The two places rate limits are checked in the pipeline: {@link #caller()} (key and team) before resolution, and
 * {@link #model()} after it, once the model is known.
 */
public final class RateLimitStages {

    private final RequestStage caller;
    private final RequestStage model;

    RateLimitStages(RequestStage caller, RequestStage model) {
        this.caller = caller;
        this.model = model;
    }

    /** The key's and its team's limits; runs before resolution. */
    public RequestStage caller() {
        return caller;
    }

    /** The resolved model's limit; runs after resolution. */
    public RequestStage model() {
        return model;
    }
}
