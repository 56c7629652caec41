package ai.switchboard.gateway.agent;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.gateway.budget.BudgetHold;
import ai.switchboard.gateway.mcp.McpToolGrants;
import ai.switchboard.gateway.mcp.McpToolInvokers;
import ai.switchboard.gateway.pipeline.AgentTargets;
import ai.switchboard.gateway.pipeline.RequestContext;
import ai.switchboard.observability.ToolCallObservations;
import ai.switchboard.observability.usage.ModelPrice;
import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.Usage;
import ai.switchboard.registry.AgentConfig;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.registry.ToolConfig;
import ai.switchboard.registry.config.RegistrySchedulerConfiguration;
import ai.switchboard.routing.Deployment;
import ai.switchboard.routing.DeploymentResolver;
import ai.switchboard.routing.RouteCall;
import ai.switchboard.routing.RouteEngine;
import ai.switchboard.routing.RoutingTrace;
import ai.switchboard.routing.Target;
import ai.switchboard.tools.ToolException;
import ai.switchboard.tools.agent.AgentLoop;
import ai.switchboard.tools.agent.AgentRun;
import ai.switchboard.tools.agent.AgentStatus;
import ai.switchboard.tools.agent.PlannedStep;
import ai.switchboard.tools.agent.Planner;
import ai.switchboard.tools.agent.RunObserver;
import ai.switchboard.tools.agent.ToolCallStep;
import ai.switchboard.tools.delegate.Delegation;
import ai.switchboard.tools.invoke.ArgumentSchema;
import ai.switchboard.tools.invoke.ToolInvoker;
import io.micrometer.tracing.TraceContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.node.StringNode;

/**
 * Runs the agent a request resolved to, inside that request's pipeline pass: every step is a call of the route
 * engine on the agent's model or route (retries, breakers, failover), so the key, its budgets and its limits are the
 * request's. The answer's tokens are the request's usage; the tokens of the steps the gateway consumed count as extra
 * usage, priced at the model that served each, as a cascade's consumed steps do, so budgets and the ledger see the
 * whole run.
 */
@Component
public class AgentRunner {

    /** Says how the run ended ({@code completed}, {@code max_steps}, {@code max_cost}, {@code timeout}). */
    public static final String STATUS_HEADER = "x-switchboard-agent-status";

    private final RouteEngine engine;
    private final DeploymentResolver resolver;
    private final ToolInstances tools;
    private final McpToolGrants mcpGrants;
    private final McpToolInvokers mcpInvokers;
    private final ToolCallObservations toolCalls;
    private final AgentToolCallLedger ledger;
    private final AgentStepBudgets stepBudgets;
    private final Scheduler scheduler;

    public AgentRunner(RouteEngine engine, DeploymentResolver resolver, ToolInstances tools, McpToolGrants mcpGrants,
            McpToolInvokers mcpInvokers, ToolCallObservations toolCalls, AgentToolCallLedger ledger,
            AgentStepBudgets stepBudgets,
            @Qualifier(RegistrySchedulerConfiguration.REGISTRY_SCHEDULER) Scheduler scheduler) {
        this.ledger = ledger;
        this.stepBudgets = stepBudgets;
        this.engine = engine;
        this.resolver = resolver;
        this.tools = tools;
        this.mcpGrants = mcpGrants;
        this.mcpInvokers = mcpInvokers;
        this.toolCalls = toolCalls;
        this.scheduler = scheduler;
    }

    /** The run's answer to the client's request, for a context the resolve stage gave an agent. */
    public Mono<ChatResponse> run(RequestContext context, ChatRequest client) {
        return execute(context, client, RunObserver.NONE).map(run -> {
            context.responseHeaders().set(STATUS_HEADER, run.status().wire());
            return run.answer();
        });
    }

    /**
     * Runs the agent, telling {@code observer} of every step as it ends; the run's usage is accounted to the context
     * when it ends with an answer or a limit, with the usage of the runs its {@code agent} tools delegated to.
     * Cancelling the returned {@code Mono} cancels the call in flight.
     */
    public Mono<AgentRun> execute(RequestContext context, ChatRequest client, RunObserver observer) {
        AgentConfig agent;
        try {
            agent = PromptedInstructions.resolve(context.agent(), context.snapshot(), client, context.trace());
        } catch (RuntimeException e) {
            return Mono.error(e);
        }
        List<Step> steps = new ArrayList<>();
        List<Step> delegated = new ArrayList<>();
        AtomicBoolean accounted = new AtomicBoolean();
        // A run that fails or is cancelled midway ends the request before it could account: its steps were paid for.
        context.beforeExit(() -> {
            if (accounted.compareAndSet(false, true)) {
                account(context, steps, delegated, null);
            }
        });
        Delegation delegation = (name, input) -> delegate(context, client, name, input, delegated);
        // The request's own budget reservation covers the first step; every later one reserves for itself.
        AtomicInteger planned = new AtomicInteger();
        return loop(context, agent, observer.and(observed(context, agent)),
                        request -> plan(context, context.routeCall(request), context.trace(), steps,
                                planned.getAndIncrement() > 0))
                .flatMap(loop -> loop.run(client))
                .doOnNext(run -> {
                    if (accounted.compareAndSet(false, true)) {
                        account(context, steps, delegated, run.status());
                    }
                })
                .contextWrite(reactor -> reactor.put(Delegation.class, delegation));
    }

    /**
     * A run another agent's {@code agent} tool started, inside the same request: the caller's key, snapshot and
     * ledger row; routed on its own trace branch (the delegating run's served model stays its own). What it spent is
     * the request's extra usage, and counts against the delegating run's cost limit (the loop's {@code SpendMeter}).
     * Its steps show in metrics and spans, not in the client's stream of the delegating run's steps.
     */
    private Mono<AgentRun> delegate(RequestContext context, ChatRequest client, String name, String input,
            List<Step> delegated) {
        return Mono.defer(() -> {
            RegistrySnapshot snapshot = context.snapshot();
            AgentConfig found = snapshot.agent(name);
            if (found == null) {
                return Mono.error(ToolException.unavailable("There is no agent named '" + name + "'."));
            }
            RoutingTrace branch = context.trace().branch();
            ChatRequest ask = new ChatRequest(found.modelName(), List.of(new ChatMessage("user",
                    StringNode.valueOf(input), null, null, null, null, null)), null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, client.user(), null);
            AgentConfig agent;
            Target target;
            try {
                target = AgentTargets.of(found, snapshot, resolver);
                // Its own trace: the request's prompt record names what built the answer, the delegating agent's.
                agent = PromptedInstructions.resolve(found, snapshot, ask, new RoutingTrace(branch.requestId()));
            } catch (ApiException e) {
                return Mono.error(ToolException.unavailable("Agent '" + name + "' cannot run now: "
                        + e.getMessage()));
            }
            return loop(context, agent, observed(context, agent),
                            request -> plan(context, context.routeCall(target, request, branch), branch, delegated,
                                    true))
                    .flatMap(loop -> loop.run(ask));
        });
    }

    private Mono<AgentLoop> loop(RequestContext context, AgentConfig agent, RunObserver observer, Planner planner) {
        return granted(context, agent).zipWith(answerSchema(agent))
                .map(ready -> new AgentLoop(agent, ready.getT1(), planner, observer, ready.getT2().orElse(null)));
    }

    /**
     * Tool calls as {@code execute_tool} spans under the request's span, timed (model calls already are), and each a
     * usage ledger row.
     */
    private RunObserver observed(RequestContext context, AgentConfig agent) {
        TraceContext parent = context.span() == null ? null : context.span().context();
        return new RunObserver() {
            @Override
            public void toolCalled(ToolCallStep call) {
                toolCalls.ended(parent, agent.name(), call.tool(), call.callId(), call.result().outcome(),
                        call.latency());
                ledger.record(context, agent.name(), call);
            }
        };
    }

    /**
     * The agent's answer schema, compiled on the registry scheduler: compiling reads the meta-schema from the
     * classpath, which BlockHound refuses on an event loop.
     */
    private Mono<Optional<ArgumentSchema>> answerSchema(AgentConfig agent) {
        if (agent.responseFormat() == null) {
            return Mono.just(Optional.empty());
        }
        return Mono.fromCallable(() -> Optional.of(ArgumentSchema.compile(agent.responseFormat())))
                .subscribeOn(scheduler);
    }

    /**
     * The granted tools that can be built, in the agent's order: tool instances, and the MCP tools its servers offer
     * now ({@code <server>__<tool>}, or all of them for {@code <server>__*}). A server that is down offers none.
     */
    private Mono<Map<String, ToolInvoker>> granted(RequestContext context, AgentConfig agent) {
        return Flux.fromIterable(agent.tools())
                .concatMap(name -> {
                    ToolConfig tool = context.snapshot().tool(name);
                    if (tool != null) {
                        return tools.invoker(tool).map(invoker -> Map.entry(name, invoker));
                    }
                    return Flux.fromIterable(mcpGrants.tools(name, context.snapshot())).concatMap(mcp -> mcpInvokers
                            .invoker(mcp).map(invoker -> Map.entry(mcp.spec().name(), invoker)));
                })
                .collect(LinkedHashMap::new, (granted, entry) -> granted.putIfAbsent(entry.getKey(), entry.getValue()));
    }

    /**
     * One model call of a run, counted in {@code steps}; with {@code gated}, it first reserves its own worst case from
     * the request's budgets and settles it as soon as it answers (see {@link AgentStepBudgets}).
     */
    private Mono<PlannedStep> plan(RequestContext context, RouteCall call, RoutingTrace trace, List<Step> steps,
            boolean gated) {
        if (!gated) {
            return call(call, trace, steps, null, context);
        }
        return Mono.usingWhen(stepBudgets.reserve(context, call.target(), call.request())
                        .map(Optional::of).defaultIfEmpty(Optional.empty()),
                hold -> call(call, trace, steps, hold.orElse(null), context),
                hold -> release(hold), (hold, failure) -> release(hold), hold -> release(hold));
    }

    private Mono<PlannedStep> call(RouteCall call, RoutingTrace trace, List<Step> steps, BudgetHold hold,
            RequestContext context) {
        return engine.chat(call).map(response -> {
            Deployment served = trace.served();
            Usage usage = response.usage();
            synchronized (steps) {
                steps.add(new Step(served, usage));
            }
            if (hold != null) {
                AgentStepBudgets.settle(context, hold, served, usage);
            }
            return new PlannedStep(response, cost(served, usage));
        });
    }

    /** Gives back a step's hold that was not settled (the step failed or was cancelled); a settled one is ended. */
    private static Mono<Void> release(Optional<BudgetHold> hold) {
        hold.ifPresent(BudgetHold::release);
        return Mono.empty();
    }

    /**
     * The answer's usage is the request's; every other step's is extra usage of the trace, and so is every step of
     * the runs it delegated to. With no answer ({@code status} {@code null}: the run failed or was cancelled), every
     * step is extra usage.
     */
    private static void account(RequestContext context, List<Step> steps, List<Step> delegated, AgentStatus status) {
        RoutingTrace trace = context.trace();
        synchronized (steps) {
            int answer = status == AgentStatus.COMPLETED ? steps.size() - 1 : -1;
            for (int i = 0; i < steps.size(); i++) {
                if (i == answer) {
                    context.usage(steps.get(i).usage());
                } else {
                    trace.extraUsage(steps.get(i).servedBy(), steps.get(i).usage());
                }
            }
        }
        synchronized (delegated) {
            delegated.forEach(step -> trace.extraUsage(step.servedBy(), step.usage()));
        }
    }

    private static BigDecimal cost(Deployment served, Usage usage) {
        if (served == null || usage == null) {
            return null;
        }
        return ModelPrice.of(served.model().inputPricePerMtok(), served.model().outputPricePerMtok()).cost(
                usage.promptTokens() == null ? 0 : usage.promptTokens(),
                usage.completionTokens() == null ? 0 : usage.completionTokens(), usage.cachedTokens());
    }

    private record Step(Deployment servedBy, Usage usage) {
    }
}
