package ai.switchboard.gateway.pipeline;

import ai.switchboard.gateway.cache.CacheLookup;
import ai.switchboard.gateway.cache.CachedAnswer;
import ai.switchboard.observability.GenAiConventions;
import ai.switchboard.observability.RoutingMetrics;
import ai.switchboard.observability.request.RequestObserver;
import ai.switchboard.observability.request.RequestSummary;
import ai.switchboard.observability.usage.AgentUsage;
import ai.switchboard.observability.usage.CacheUsage;
import ai.switchboard.observability.usage.ModelPrice;
import ai.switchboard.registry.AgentConfig;
import ai.switchboard.registry.ModelConfig;
import ai.switchboard.routing.Deployment;
import ai.switchboard.routing.RoutingTrace;
import ai.switchboard.routing.execution.Attempt;
import java.math.BigDecimal;
import reactor.core.publisher.Mono;

/**
 * Reports each request once, when it ends: server metrics, the span's GenAI attributes, the usage-ledger row and
 * the access-log line (all through {@link RequestObserver}, which never blocks), plus the routing metrics the trace
 * collected (cascade escalations, ensemble members).
 */
final class RecordStage implements RequestStage {

    private final RequestObserver observer;
    private final RoutingMetrics routingMetrics;

    RecordStage(RequestObserver observer, RoutingMetrics routingMetrics) {
        this.observer = observer;
        this.routingMetrics = routingMetrics;
    }

    @Override
    public Mono<Void> enter(RequestContext context) {
        return Mono.empty();
    }

    @Override
    public void exit(RequestContext context, Outcome outcome) {
        long now = System.nanoTime();
        RoutingTrace trace = context.trace();
        long firstToken = context.firstTokenNanos();
        AgentConfig agent = context.agent();
        RequestSummary.Builder summary = RequestSummary.builder(context.requestId(), context.startedAt(),
                        agent != null ? GenAiConventions.OPERATION_INVOKE_AGENT : context.api().operation())
                .requestModel(context.model())
                .stream(context.stream())
                .outcome(outcome.status(), outcome.errorType())
                .timing(now - context.startNanos(), firstToken < 0 ? -1 : firstToken - context.startNanos())
                .route(trace.route(), null)
                .key(context.key().id(), context.key().prefix());
        int cascadeStep = 0;
        for (int step : trace.cascadeEscalations()) {
            routingMetrics.cascadeEscalation(trace.route(), step);
            cascadeStep = Math.max(cascadeStep, step);
        }
        for (String member : trace.ensembleMembers()) {
            routingMetrics.ensembleMember(trace.route(), member);
        }
        int fallbacks = 0;
        for (Attempt attempt : trace.attempts()) {
            if (!attempt.succeeded()) {
                fallbacks++;
            }
        }
        Deployment deployment = trace.served();
        if (deployment != null) {
            ModelConfig model = deployment.model();
            summary.servedBy(model.name(), deployment.providerName(),
                    ModelPrice.of(model.inputPricePerMtok(), model.outputPricePerMtok()))
                    .modelVersion(model.version());
        }
        summary.prompt(trace.prompt());
        CacheLookup lookup = context.cacheLookup();
        if (lookup != null) {
            CachedAnswer hit = lookup.hit();
            if (hit != null) {
                // Nothing was called: the row names the model that produced the stored answer, at no cost.
                summary.servedBy(hit.model(), null, ModelPrice.of(BigDecimal.ZERO, BigDecimal.ZERO));
            }
            // A hit saved its answer's tokens; a partial hit (embeddings) its cached texts'; anything else nothing.
            summary.cache(new CacheUsage(lookup.status().wireName(), lookup.savedInputTokens(),
                    lookup.savedOutputTokens(), lookup.savedCostUsd()));
        }
        if (agent != null) {
            summary.agent(new AgentUsage(agent.name(), context.agentRunId()));
        }
        summary.tokens(context.inputTokens(), context.outputTokens(), context.cachedTokens())
                .extraUsage(trace.extraPromptTokens(), trace.extraCompletionTokens(), trace.extraCost())
                .attempts(trace.attemptCount(), fallbacks, cascadeStep);
        observer.finished(summary.build(), context.span());
    }
}
