package ai.switchboard.tools.agent;

import ai.switchboard.providers.api.ChatChoice;
import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.registry.AgentConfig;
import ai.switchboard.tools.ToolError;
import ai.switchboard.tools.ToolSpec;
import ai.switchboard.tools.agent.AgentRequests.Answered;
import ai.switchboard.tools.invoke.ArgumentSchema;
import ai.switchboard.tools.invoke.ToolInvoker;
import ai.switchboard.tools.invoke.ToolResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs an agent: the model plans (through the {@link Planner}), the gateway runs the tools it calls (only the
 * granted ones, through their {@link ToolInvoker}s, so arguments are checked and every outcome is a result the model
 * can read) and feeds the results back, until the model answers without calling a tool or a limit stops the run:
 * {@code max_steps} model calls, {@code max_cost_usd} spent (by this run and the runs it delegated to), or
 * {@code timeout_seconds} over the whole run (the call in flight is cancelled then). A tool call past a limit is not
 * run: its result would never be read.
 *
 * <p>Failures of the planner (every candidate of the route failed) end the run with that failure; a tool's failure
 * never does, it is the model's to handle.
 */
public final class AgentLoop {

    private static final Duration SHORTEST_TOOL_CALL = Duration.ofMillis(1);

    private final AgentConfig agent;
    private final Map<String, ToolInvoker> tools;
    private final Planner planner;
    private final RunObserver observer;
    private final AnswerCheck answerCheck;

    /**
     * @param tools the invokers of the agent's granted tools that can run, by name, in the order the agent grants
     *     them; a granted tool missing here is not offered to the model
     */
    public AgentLoop(AgentConfig agent, Map<String, ToolInvoker> tools, Planner planner) {
        this(agent, tools, planner, RunObserver.NONE);
    }

    /** As above, with {@code observer} told of every model call and tool call as it ends. */
    public AgentLoop(AgentConfig agent, Map<String, ToolInvoker> tools, Planner planner, RunObserver observer) {
        this(agent, tools, planner, observer, null);
    }

    /**
     * As above, with the final answer checked against {@code answerSchema} (the agent's {@code response_format},
     * compiled off the event loop): an answer that does not match gets one more step asking for a fix, within
     * {@code max_steps}; one that still does not ends the run {@code failed}.
     */
    public AgentLoop(AgentConfig agent, Map<String, ToolInvoker> tools, Planner planner, RunObserver observer,
            ArgumentSchema answerSchema) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.tools = new LinkedHashMap<>(tools);
        this.planner = Objects.requireNonNull(planner, "planner");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.answerCheck = answerSchema == null ? null : new AnswerCheck(answerSchema);
    }

    /**
     * Runs the agent on the client's request (its messages, and its sampling settings for every step). A run started
     * by a tool of another run (delegation) finds that run's {@link SpendMeter} in its Reactor context: what it
     * spends counts against the runs above it too, and their limits stop it as its own does.
     */
    public Mono<AgentRun> run(ChatRequest client) {
        return Mono.deferContextual(context -> {
            SpendMeter above = context.getOrDefault(SpendMeter.class, null);
            SpendMeter meter = above == null ? SpendMeter.root(agent.maxCostUsd()) : above.child(agent.maxCostUsd());
            Run run = new Run(System.nanoTime() + agent.timeout().toNanos(), meter);
            List<ToolSpec> specs = tools.values().stream().map(invoker -> invoker.tool().spec()).toList();
            return step(run, AgentRequests.first(client, agent, specs))
                    .timeout(agent.timeout(), Mono.fromSupplier(() -> run.stop(AgentStatus.TIMEOUT)));
        });
    }

    private Mono<AgentRun> step(Run run, ChatRequest request) {
        return Mono.defer(() -> {
            long started = System.nanoTime();
            return planner.plan(request).doOnNext(planned -> {
                run.planned(planned);
                observer.modelCalled(new ModelCall(run.steps, planned.response(), planned.cost(),
                        Duration.ofNanos(System.nanoTime() - started)));
            });
        }).flatMap(planned -> {
            ChatMessage said = message(planned.response());
            if (said == null || !said.hasToolCalls()) {
                List<String> problems = answerCheck == null ? List.of() : answerCheck.problems(said);
                if (problems.isEmpty()) {
                    return Mono.just(new AgentRun(AgentAnswers.answered(agent, planned.response(), run.steps,
                            run.toolCalls), AgentStatus.COMPLETED, run.steps, run.toolCalls));
                }
                if (run.repaired || run.steps >= agent.maxSteps()) {
                    return Mono.just(run.stop(AgentStatus.FAILED));
                }
                run.repaired = true;
                return step(run, AgentRequests.repair(request, said, problems));
            }
            if (run.steps >= agent.maxSteps()) {
                return Mono.just(run.stop(AgentStatus.MAX_STEPS));
            }
            if (run.meter.exhausted()) {
                return Mono.just(run.stop(AgentStatus.MAX_COST));
            }
            return call(run, said.toolCalls())
                    .flatMap(results -> step(run, AgentRequests.next(request, said, results)));
        });
    }

    /** Runs the calls of one step, at once when the agent allows it, else one after another; results in order. */
    private Mono<List<Answered>> call(Run run, List<ToolCall> calls) {
        Flux<ToolCall> each = Flux.fromIterable(calls);
        Flux<Answered> answered = agent.parallelToolCalls()
                ? each.flatMapSequential(call -> call(run, call))
                : each.concatMap(call -> call(run, call));
        return answered.collectList();
    }

    private Mono<Answered> call(Run run, ToolCall call) {
        run.toolCalls++;
        String name = call.function() == null || call.function().name() == null ? "" : call.function().name();
        ToolInvoker invoker = tools.get(name);
        String arguments = call.function() == null ? null : call.function().arguments();
        int step = run.steps;
        return Mono.defer(() -> {
            long started = System.nanoTime();
            Mono<ToolResult> result = invoker == null
                    ? Mono.just(ToolResult.failed(name, ToolError.REFUSED, "no tool named '" + name
                            + "' is granted to this agent; use one of " + tools.keySet()))
                    : invoker.invoke(arguments, run.remaining())
                            .contextWrite(context -> context.put(SpendMeter.class, run.meter));
            return result.doOnNext(outcome -> observer.toolCalled(new ToolCallStep(step, call.id(), name, arguments,
                    outcome, Duration.ofNanos(System.nanoTime() - started))));
        }).map(result -> new Answered(call.id(), result));
    }

    private static ChatMessage message(ChatResponse response) {
        List<ChatChoice> choices = response.choices();
        return choices.isEmpty() ? null : choices.get(0).message();
    }

    /**
     * One run's counters. Steps follow one another and tool calls are started one by one (even when they then run
     * at once), so nothing here is written concurrently; volatile because each step may continue on another thread.
     */
    private final class Run {

        private final long deadlineNanos;
        private final SpendMeter meter;
        private volatile int steps;
        private volatile int toolCalls;
        private volatile ChatResponse last;
        private volatile boolean repaired;

        Run(long deadlineNanos, SpendMeter meter) {
            this.deadlineNanos = deadlineNanos;
            this.meter = meter;
        }

        void planned(PlannedStep planned) {
            steps++;
            last = planned.response();
            meter.add(planned.cost());
        }

        Duration remaining() {
            Duration left = Duration.ofNanos(deadlineNanos - System.nanoTime());
            return left.compareTo(SHORTEST_TOOL_CALL) < 0 ? SHORTEST_TOOL_CALL : left;
        }

        AgentRun stop(AgentStatus status) {
            return new AgentRun(AgentAnswers.stopped(agent, last, status, steps, toolCalls, meter.ownLimitReached()),
                    status, steps, toolCalls);
        }
    }
}
