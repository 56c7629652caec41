package ai.switchboard.routing.execution;

import ai.switchboard.observability.AttemptObservation;
import ai.switchboard.observability.GenAiObservations;
import ai.switchboard.observability.RoutingMetrics;
import ai.switchboard.routing.Deployment;
import ai.switchboard.routing.RoutingTrace;

/**
 * Where the executor reports what it does: one observation per upstream attempt (client metrics and a span under
 * the request's span), and a count of every retry and every move to another candidate.
 */
public interface AttemptObserver {

    /** Reports nothing: for unit tests of the execution logic. */
    AttemptObserver NONE = new AttemptObserver() {
        @Override
        public AttemptObservation start(RoutingTrace trace, Deployment deployment, String operation, int attempt) {
            return null;
        }

        @Override
        public void retry(RoutingTrace trace, Deployment deployment, String errorType) {
        }

        @Override
        public void fallback(RoutingTrace trace, String errorType) {
        }
    };

    /**
     * Starts observing attempt number {@code attempt} (1-based) of a request for a GenAI {@code operation}; may
     * return {@code null}.
     */
    AttemptObservation start(RoutingTrace trace, Deployment deployment, String operation, int attempt);

    /** The same deployment is tried again after a retriable failure. */
    void retry(RoutingTrace trace, Deployment deployment, String errorType);

    /** The request moves on to another candidate after a failure. */
    void fallback(RoutingTrace trace, String errorType);

    /** Reports to the gateway's GenAI observations and routing meters. */
    static AttemptObserver of(GenAiObservations observations, RoutingMetrics metrics) {
        return new AttemptObserver() {
            @Override
            public AttemptObservation start(RoutingTrace trace, Deployment deployment, String operation,
                    int attempt) {
                return observations.startAttempt(trace.parentSpan(), operation, trace.route(),
                        deployment.providerName(), deployment.modelName(), attempt);
            }

            @Override
            public void retry(RoutingTrace trace, Deployment deployment, String errorType) {
                metrics.retry(trace.route(), deployment.providerName(), errorType);
            }

            @Override
            public void fallback(RoutingTrace trace, String errorType) {
                metrics.fallback(trace.route(), errorType);
            }
        };
    }
}
