package ai.switchboard.routing;

import ai.switchboard.observability.usage.ModelPrice;
import ai.switchboard.observability.usage.PromptUsage;
import ai.switchboard.providers.api.Usage;
import ai.switchboard.routing.execution.Attempt;
import ai.switchboard.routing.execution.AttemptAdmission;
import io.micrometer.tracing.TraceContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened to one request: the route and policy decisions, every attempt, the deployment that served it, and
 * the tokens spent by calls whose answers were not returned (cascade steps, ensemble members, judges).
 *
 * <p>Request-scoped and passed explicitly. A {@link #branch()} shares decisions, attempts and usage but has its own
 * served deployment, so parallel ensemble members each know who answered them. Locks are per request and
 * uncontended for ordinary requests.
 */
public final class RoutingTrace {

    private final Shared shared;
    private Deployment served;

    public RoutingTrace(String requestId) {
        this(new Shared(requestId));
    }

    private RoutingTrace(Shared shared) {
        this.shared = shared;
    }

    /** A trace for a sub-call (a cascade step, an ensemble member) that records into the same request. */
    public RoutingTrace branch() {
        return new RoutingTrace(shared);
    }

    public String requestId() {
        return shared.requestId;
    }

    /** The request's server span, parent of the attempt spans; {@code null} when tracing is off. */
    public void parentSpan(TraceContext context) {
        synchronized (shared) {
            shared.parentSpan = context;
        }
    }

    public TraceContext parentSpan() {
        synchronized (shared) {
            return shared.parentSpan;
        }
    }

    /** What must agree to each attempt before a deployment is called; {@code null} (the default) for nothing. */
    public void admission(AttemptAdmission admission) {
        shared.admission = admission;
    }

    public AttemptAdmission admission() {
        return shared.admission;
    }

    /** The first (outermost) route the client named; nested routes add decisions but keep this. */
    public void route(String name) {
        synchronized (shared) {
            if (shared.route == null) {
                shared.route = name;
            }
        }
    }

    public String route() {
        synchronized (shared) {
            return shared.route;
        }
    }

    /** A human-readable decision, e.g. {@code router: rule 'code' matched}. Never prompt text. */
    public void decide(String decision) {
        synchronized (shared) {
            shared.decisions.add(decision);
        }
    }

    public List<String> decisions() {
        synchronized (shared) {
            return List.copyOf(shared.decisions);
        }
    }

    public void attempt(Attempt attempt) {
        synchronized (shared) {
            shared.attempts.add(attempt);
        }
    }

    public List<Attempt> attempts() {
        synchronized (shared) {
            return List.copyOf(shared.attempts);
        }
    }

    public int attemptCount() {
        synchronized (shared) {
            return shared.attempts.size();
        }
    }

    /** A cascade moved on from step {@code step - 1} to step {@code step} (0-based). */
    public void cascadeEscalated(int step) {
        synchronized (shared) {
            shared.cascadeSteps.add(step);
        }
    }

    /** The cascade steps escalated to, in order; empty when no cascade ran or its first step was accepted. */
    public List<Integer> cascadeEscalations() {
        synchronized (shared) {
            return List.copyOf(shared.cascadeSteps);
        }
    }

    /** An ensemble called the member with this public model or route name. */
    public void ensembleMember(String name) {
        synchronized (shared) {
            shared.ensembleMembers.add(name);
        }
    }

    public List<String> ensembleMembers() {
        synchronized (shared) {
            return List.copyOf(shared.ensembleMembers);
        }
    }

    /** Marks the deployment whose answer this trace's call produced. */
    public synchronized void served(Deployment deployment) {
        served = deployment;
    }

    public synchronized Deployment served() {
        return served;
    }

    /**
     * Counts the usage of a call whose answer was consumed inside the gateway (not the one returned), priced at the
     * prices of the model that made it ({@code servedBy}; {@code null} when unknown, which makes the cost unknown).
     */
    public void extraUsage(Deployment servedBy, Usage usage) {
        if (usage == null) {
            return;
        }
        long prompt = usage.promptTokens() == null ? 0 : usage.promptTokens();
        long completion = usage.completionTokens() == null ? 0 : usage.completionTokens();
        ModelPrice price = servedBy == null ? ModelPrice.unknown()
                : ModelPrice.of(servedBy.model().inputPricePerMtok(), servedBy.model().outputPricePerMtok());
        BigDecimal cost = price.cost(prompt, completion, usage.cachedTokens());
        synchronized (shared) {
            shared.extraPromptTokens += prompt;
            shared.extraCompletionTokens += completion;
            shared.extraCost = shared.extraCost == null || cost == null ? null : shared.extraCost.add(cost);
        }
    }

    /** What the calls counted by {@link #extraUsage} cost in USD, exactly; {@code null} when a price was unknown. */
    public BigDecimal extraCost() {
        synchronized (shared) {
            return shared.extraCost;
        }
    }

    public long extraPromptTokens() {
        synchronized (shared) {
            return shared.extraPromptTokens;
        }
    }

    public long extraCompletionTokens() {
        synchronized (shared) {
            return shared.extraCompletionTokens;
        }
    }

    /**
     * Records the prompt template version the answering call was built from (the last one recorded wins: a pipeline's
     * last step, an agent's instructions).
     */
    public void prompt(PromptUsage used) {
        synchronized (shared) {
            shared.prompt = used;
        }
    }

    /** The prompt template version the answer was built from, or {@code null}. */
    public PromptUsage prompt() {
        synchronized (shared) {
            return shared.prompt;
        }
    }

    private static final class Shared {
        private final String requestId;
        private final List<String> decisions = new ArrayList<>(4);
        private final List<Attempt> attempts = new ArrayList<>(2);
        private final List<Integer> cascadeSteps = new ArrayList<>(0);
        private final List<String> ensembleMembers = new ArrayList<>(0);
        private String route;
        private TraceContext parentSpan;
        private long extraPromptTokens;
        private long extraCompletionTokens;
        private BigDecimal extraCost = BigDecimal.ZERO;
        private volatile AttemptAdmission admission;
        private PromptUsage prompt;

        Shared(String requestId) {
            this.requestId = requestId;
        }
    }
}
