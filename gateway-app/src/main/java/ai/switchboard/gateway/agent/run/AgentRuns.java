package ai.switchboard.gateway.agent.run;

import ai.switchboard.gateway.agent.AgentRunner;
import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.gateway.pipeline.Api;
import ai.switchboard.gateway.pipeline.RequestContext;
import ai.switchboard.gateway.pipeline.RequestPipeline;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.registry.AgentConfig;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.routing.policy.PromptTokens;
import ai.switchboard.tools.agent.AgentRun;
import ai.switchboard.tools.agent.AgentStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.JsonNode;

/**
 * Stored, asynchronous agent runs. A run goes through the request pipeline like a chat request (the key's access,
 * limits and budgets), detached from the HTTP request that started it; it is stored once admitted, its steps as they
 * end, its end when it ends. All SQL runs on the runs' scheduler. This replica's runs are kept in memory so their
 * events stream live and a cancel stops them at once; a cancel for a run on another replica is a flag that replica
 * picks up on its next heartbeat ({@link AgentRunSweeper}).
 */
public class AgentRuns {

    private static final int MAX_ERROR_CHARS = 1_000;

    private final JdbcAgentRuns jdbc;
    private final Scheduler scheduler;
    private final RequestPipeline pipeline;
    private final AgentRunner runner;
    private final Clock clock;
    private final Duration pollInterval;
    private final String replica;
    private final Map<String, LiveRun> live = new ConcurrentHashMap<>();

    public AgentRuns(JdbcAgentRuns jdbc, Scheduler scheduler, RequestPipeline pipeline, AgentRunner runner,
            Clock clock, AgentRunsProperties properties, String replica) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.pipeline = pipeline;
        this.runner = runner;
        this.clock = clock;
        this.pollInterval = properties.getPollInterval();
        this.replica = replica;
    }

    /** This gateway instance's name in {@code agent_runs.replica}. */
    public String replica() {
        return replica;
    }

    /**
     * Starts a run of {@code agent} for {@code key} on {@code input} (whose model is the agent's); the id once the run
     * passed the pipeline's admission and is stored, or the admission's error (unknown agent, limits, budgets).
     */
    public Mono<String> start(String requestId, ApiKeyRecord key, String agent, ChatRequest input) {
        return Mono.fromCallable(AgentRuns::newId).subscribeOn(scheduler).flatMap(id -> {
            RequestContext context = pipeline.open(requestId, Api.CHAT, key, null, Set.of(), false);
            context.request(AgentConfig.MODEL_PREFIX + agent, false);
            context.agentRunId(id);
            context.costHints(() -> PromptTokens.estimate(input), input.outputTokenLimit(), 1);
            LiveRun run = new LiveRun(id, scheduler, (seq, step) -> jdbc.insertStep(id, seq, step, clock.instant()));
            Sinks.One<String> started = Sinks.one();
            Mono<AgentRun> execution = pipeline.single(context, resolved -> Mono
                    .fromRunnable(() -> jdbc.insert(id, agent, key.id(), key.teamId(), WireJson.mapper()
                            .valueToTree(input), replica, clock.instant()))
                    .subscribeOn(scheduler)
                    .then(Mono.defer(() -> {
                        live.put(id, run);
                        started.tryEmitValue(id);
                        return runner.execute(resolved, input, run);
                    })));
            run.execution(execution.subscribe(
                    done -> {
                        context.succeeded();
                        end(run, done.status().wire(), WireJson.mapper().valueToTree(done.answer()), null);
                    },
                    failure -> {
                        if (started.tryEmitError(failure).isFailure()) {
                            end(run, AgentStatus.FAILED.wire(), null, message(failure));
                        }
                    }));
            return started.asMono();
        });
    }

    /** The run with its steps, if {@code key} may see it. */
    public Mono<StoredRun> find(ApiKeyRecord key, String id) {
        return Mono.fromCallable(() -> jdbc.find(id, true).filter(run -> RunAccess.allows(key, run)))
                .subscribeOn(scheduler)
                .flatMap(found -> found.map(Mono::just).orElseGet(() -> Mono.error(notFound(id))));
    }

    /**
     * The run's steps, then its end: stored steps, then live ones; for a run on another replica, its new steps
     * every poll interval until it ends.
     */
    public Flux<RunEvent> events(ApiKeyRecord key, String id) {
        return Mono.fromCallable(() -> jdbc.find(id, false).filter(run -> RunAccess.allows(key, run)))
                .subscribeOn(scheduler)
                .flatMapMany(found -> {
                    if (found.isEmpty()) {
                        return Flux.error(notFound(id));
                    }
                    LiveRun here = live.get(id);
                    Flux<JsonNode> steps = here != null ? here.steps() : polled(id);
                    return steps.map(RunEvent::step).concatWith(Mono.fromCallable(() -> jdbc.find(id, false))
                            .subscribeOn(scheduler)
                            .flatMap(run -> Mono.justOrEmpty(run.map(ended -> RunEvent.end(ended.toJson(false))))));
                });
    }

    /** Cancels the run if {@code key} may, and it is still running; the run as it is then. */
    public Mono<StoredRun> cancel(ApiKeyRecord key, String id) {
        return find(key, id).flatMap(run -> {
            if (!run.running()) {
                return Mono.just(run);
            }
            LiveRun here = live.get(id);
            Mono<Void> cancelled = here != null ? Mono.fromRunnable(() -> {
                here.stop();
                end(here, AgentStatus.CANCELLED.wire(), null, "cancelled by a client");
            }) : Mono.fromRunnable(() -> jdbc.requestCancel(id)).subscribeOn(scheduler).then();
            return cancelled.then(here != null ? here.steps().then() : Mono.empty()).then(find(key, id));
        });
    }

    /** Stops the runs of this replica another replica was asked to cancel. Blocking: for the sweeper's thread. */
    void cancelRequested() {
        for (String id : jdbc.cancelRequested(replica)) {
            LiveRun here = live.get(id);
            if (here != null) {
                here.stop();
                end(here, AgentStatus.CANCELLED.wire(), null, "cancelled by a client");
            }
        }
    }

    /** Stops every run of this replica, for shutdown; they are marked {@code interrupted} by the caller. */
    void stopAll() {
        live.values().forEach(LiveRun::stop);
    }

    private Flux<JsonNode> polled(String id) {
        int[] seen = {0};
        return Flux.interval(Duration.ZERO, pollInterval, scheduler)
                .concatMap(tick -> Mono.fromCallable(() -> {
                    var run = jdbc.find(id, false);
                    var steps = jdbc.steps(id, seen[0]);
                    seen[0] += steps.size();
                    return Map.entry(run.map(StoredRun::running).orElse(false), steps);
                }))
                .takeUntil(polled -> !polled.getKey())
                .concatMapIterable(Map.Entry::getValue);
    }

    private void end(LiveRun run, String status, JsonNode answer, String error) {
        run.end(() -> jdbc.finish(run.id(), status, answer, error, clock.instant()), ended -> live.remove(ended.id()));
    }

    private static String message(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.length() > MAX_ERROR_CHARS ? message.substring(0, MAX_ERROR_CHARS) : message;
    }

    private static ApiException notFound(String id) {
        return new ApiException(404, "invalid_request_error", "No agent run with id '" + ApiException.echo(id)
                + "' found.", "id", "run_not_found");
    }

    /** Random and unguessable; made on the runs' scheduler since the secure random source may block. */
    private static String newId() {
        return "run_" + UUID.randomUUID().toString().replace("-", "");
    }
}
