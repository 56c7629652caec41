package ai.switchboard.routing;

import ai.switchboard.providers.api.Usage;
import ai.switchboard.routing.execution.Attempt;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened to one request: the route and policy decisions, every attempt, the deployment that served it, and
 * the tokens spent by calls whose answers were not returned (cascade steps, ensemble members, judges).
 *
 * <p>Request-scoped and passed explicitly. Ensemble members run in parallel, so it is synchronized; contention is
 * nil for ordinary requests.
 */
public final class RoutingTrace {

    private final String requestId;
    private final List<String> decisions = new ArrayList<>(4);
    private final List<Attempt> attempts = new ArrayList<>(2);
    private String route;
    private Deployment served;
    private long extraPromptTokens;
    private long extraCompletionTokens;

    public RoutingTrace(String requestId) {
        this.requestId = requestId;
    }

    public String requestId() {
        return requestId;
    }

    /** The first (outermost) route the client named; nested routes add decisions but keep this. */
    public synchronized void route(String name) {
        if (route == null) {
            route = name;
        }
    }

    public synchronized String route() {
        return route;
    }

    /** A human-readable decision, e.g. {@code router: rule 'code' matched}. Never prompt text. */
    public synchronized void decide(String decision) {
        decisions.add(decision);
    }

    public synchronized List<String> decisions() {
        return List.copyOf(decisions);
    }

    public synchronized void attempt(Attempt attempt) {
        attempts.add(attempt);
    }

    public synchronized List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    public synchronized int attemptCount() {
        return attempts.size();
    }

    /** Marks the deployment whose answer reaches the client. */
    public synchronized void served(Deployment deployment) {
        served = deployment;
    }

    public synchronized Deployment served() {
        return served;
    }

    /** Counts the usage of a call whose answer was consumed inside the gateway (not the one returned). */
    public synchronized void extraUsage(Usage usage) {
        if (usage != null) {
            extraPromptTokens += usage.promptTokens() == null ? 0 : usage.promptTokens();
            extraCompletionTokens += usage.completionTokens() == null ? 0 : usage.completionTokens();
        }
    }

    public synchronized long extraPromptTokens() {
        return extraPromptTokens;
    }

    public synchronized long extraCompletionTokens() {
        return extraCompletionTokens;
    }
}
