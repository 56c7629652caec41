package ai.switchboard.routing.policy;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.routing.Deployment;
import java.util.List;
import java.util.Objects;

/** A policy's decision: targets to try in order, or an answer it already produced. */
public sealed interface RoutePlan permits RoutePlan.Targets, RoutePlan.Answer, RoutePlan.Rewritten {

    static RoutePlan targets(List<String> names) {
        return new Targets(names);
    }

    /** Model or route names, tried in this order with failover; the route's fallbacks follow them. */
    record Targets(List<String> names) implements RoutePlan {
        public Targets {
            names = List.copyOf(names);
        }
    }

    /**
     * An answer produced inside the policy (cascade, ensemble). Streaming clients get it replayed as chunks.
     *
     * @param servedBy the deployment that wrote it
     */
    record Answer(ChatResponse response, Deployment servedBy) implements RoutePlan {
        public Answer {
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(servedBy, "servedBy");
        }
    }

    /**
     * Targets to try in order, like {@link Targets}, with a request the policy wrote (a pipeline's last step): a
     * streaming client gets its answer streamed live.
     */
    record Rewritten(List<String> names, ChatRequest request) implements RoutePlan {
        public Rewritten {
            names = List.copyOf(names);
            Objects.requireNonNull(request, "request");
        }
    }
}
