package ai.switchboard.gateway.eval.run;

import ai.switchboard.gateway.pipeline.Api;
import ai.switchboard.gateway.pipeline.RequestContext;
import ai.switchboard.gateway.pipeline.RequestPipeline;
import ai.switchboard.observability.usage.ModelPrice;
import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.Usage;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.RouteConfig;
import ai.switchboard.routing.Deployment;
import ai.switchboard.routing.RouteEngine;
import ai.switchboard.routing.policy.PromptTokens;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * One chat call of an evaluation, through the request pipeline as a client's would go: the evaluation key's access,
 * rate limits and budgets admit it, the route engine serves it (retries, breakers, failover) and it gets its ledger
 * row. It skips the response cache on purpose: an evaluation measures the model, and a cached answer would measure
 * an earlier call.
 */
public class TargetCalls {

    private final RequestPipeline pipeline;
    private final RouteEngine engine;

    public TargetCalls(RequestPipeline pipeline, RouteEngine engine) {
        this.pipeline = pipeline;
        this.engine = engine;
    }

    /** What one call gave: the answer's text and what it cost. */
    public record Answer(String requestId, String text, String servedBy, long latencyMs, long inputTokens,
            long outputTokens, BigDecimal costUsd) {
    }

    public Mono<Answer> chat(String requestId, ApiKeyRecord key, String target, List<ChatMessage> messages) {
        return chat(requestId, key, target, messages, null);
    }

    /** A call of {@code candidate} (a route change not applied) under the route's own name, when it is set. */
    public Mono<Answer> chat(String requestId, ApiKeyRecord key, String target, List<ChatMessage> messages,
            RouteConfig candidate) {
        ObjectNode body = WireJson.mapper().createObjectNode().put("model", target);
        body.set("messages", WireJson.mapper().valueToTree(messages));
        ChatRequest chat = WireJson.mapper().treeToValue(body, ChatRequest.class);
        RequestContext context = pipeline.open(requestId, Api.CHAT, key, null, Set.of(), false);
        context.request(target, false).candidateRoute(candidate);
        context.costHints(() -> PromptTokens.estimate(chat), chat.outputTokenLimit(), 1);
        long started = System.nanoTime();
        return pipeline.single(context, resolved -> engine.chat(resolved.routeCall(chat))
                        .doOnNext(response -> resolved.usage(response.usage())))
                .map(response -> {
                    long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                    // Nothing is written to a client: the answer is delivered once it is here.
                    context.succeeded();
                    Deployment served = context.trace().served();
                    return new Answer(requestId, text(response), served == null ? null : served.model().name(),
                            latency, context.inputTokens(), context.outputTokens(), cost(context, served,
                                    response.usage()));
                });
    }

    private static String text(ChatResponse response) {
        if (response.choices().isEmpty() || response.choices().getFirst().message() == null) {
            return "";
        }
        return response.choices().getFirst().message().text();
    }

    /** Priced as the ledger prices it: the answer at the serving model's prices, plus any consumed calls. */
    private static BigDecimal cost(RequestContext context, Deployment served, Usage usage) {
        if (served == null || usage == null) {
            return null;
        }
        BigDecimal answer = ModelPrice.of(served.model().inputPricePerMtok(), served.model().outputPricePerMtok())
                .cost(context.inputTokens(), context.outputTokens(), context.cachedTokens());
        BigDecimal extra = context.trace().extraCost();
        return answer == null || extra == null ? null : answer.add(extra);
    }
}
