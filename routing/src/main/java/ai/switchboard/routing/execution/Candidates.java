package ai.switchboard.routing.execution;

import ai.switchboard.routing.Deployment;
import java.util.List;

/**
 * The deployments one failover run tries, in order.
 *
 * @param othersFollow whether the request has more to try after these (a later target or a fallback of the route,
 *     reached through a nested route): then none of these is the last resort, and one that timed out or was rate
 *     limited is left for the others instead of being tried again
 */
public record Candidates(List<Deployment> deployments, boolean othersFollow) {

    public Candidates {
        deployments = List.copyOf(deployments);
    }

    /** The only deployments the request has. */
    public static Candidates of(List<Deployment> deployments) {
        return new Candidates(deployments, false);
    }

    int size() {
        return deployments.size();
    }

    Deployment get(int index) {
        return deployments.get(index);
    }
}
