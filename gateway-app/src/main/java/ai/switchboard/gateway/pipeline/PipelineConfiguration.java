package ai.switchboard.gateway.pipeline;

import ai.switchboard.gateway.cache.CacheStage;
import ai.switchboard.gateway.cache.SemanticStage;
import ai.switchboard.gateway.ratelimit.RateLimitStages;
import ai.switchboard.gateway.budget.BudgetAdmission;
import ai.switchboard.observability.RoutingMetrics;
import ai.switchboard.observability.request.RequestObserver;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import ai.switchboard.routing.DeploymentResolver;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The request pipeline, in the one place its order is written down. Authentication happens before any handler
 * runs (the authorising handler adapter checks the key against the scope the route declares); a context is opened
 * only for an authenticated caller, and then:
 *
 * <pre>
 * wire in (handler: parse, validate)
 *   -> admit        the key's and its team's rate limits (in memory; a lease from the database only when dry)
 *   -> resolve      the name, once, to a route or a capable model, against one snapshot
 *   -> admit        the resolved model's rate limit
 *   -> cache        the response cache, when a policy covers the request: a hit is answered from it (it passed
 *                   authentication and rate limits, and costs nothing against budgets); a miss is stored once written
 *   -> semantic     after an exact miss, when the route's or model's policy asks: a stored answer to a request
 *                   that means the same (by embeddings), in the same team, target, tools and system prompt
 *   -> budget       the budgets' worst-case reservation (key, team, model, route; leased from the database, spent in
 *                   memory), settled or released on exit; skipped for a hit
 *   -> call         route and execute (handler's function: RouteEngine, failover, adapters)
 *   -> record       on exit: metrics, span, usage ledger, access log
 * wire out (handler: JSON or stream)
 * </pre>
 */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

    @Bean
    RequestPipeline requestPipeline(RegistrySnapshotManager snapshots, DeploymentResolver resolver,
            RequestObserver observer, RoutingMetrics routingMetrics, RateLimitStages rateLimits, Clock clock,
            BudgetAdmission budgets, CacheStage cache, SemanticStage semantic) {
        return new RequestPipeline(List.of(
                rateLimits.caller(),
                new ResolveStage(snapshots, resolver),
                rateLimits.model(),
                cache,
                semantic,
                new BudgetStage(budgets),
                new RecordStage(observer, routingMetrics)), clock);
    }
}
