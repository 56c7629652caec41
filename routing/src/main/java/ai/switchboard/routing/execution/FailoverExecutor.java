package ai.switchboard.routing.execution;

import ai.switchboard.observability.GenAiConventions;
import ai.switchboard.providers.ProviderAdapters;
import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.providers.api.EmbeddingResponse;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.routing.Deployment;
import ai.switchboard.routing.RoutingTrace;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a request (chat, embeddings or a legacy completion) against an ordered list of candidate deployments until
 * one answers. Each attempt passes the deployment's bulkhead and circuit breaker and its own timeout; what follows a
 * failure is the failure's {@link ai.switchboard.providers.api.Recovery} (see {@link FailoverRun}). The request's
 * {@link TimeBudget} bounds it all: no attempt is given longer than what is left of it, and no retry is waited for
 * that could not start before it runs out.
 *
 * <p>Streams fail over only until their first chunk: once a chunk has been emitted, a failure ends the stream
 * with that error; nothing is retried, so nothing a client has seen is ever replayed or duplicated.
 */
public final class FailoverExecutor {

    private final ProviderAdapters adapters;
    private final DeploymentGuards guards;
    private final LatencyTracker latency;
    private final RetrySettings retry;
    private final Backoff backoff;
    private final AttemptObserver observer;
    private final Scheduler timer;

    public FailoverExecutor(ProviderAdapters adapters, DeploymentGuards guards, LatencyTracker latency,
            RetrySettings retry) {
        this(adapters, guards, latency, retry, () -> ThreadLocalRandom.current().nextDouble(), AttemptObserver.NONE,
                null);
    }

    /** As above with the jitter source given, so tests see exact waits. */
    public FailoverExecutor(ProviderAdapters adapters, DeploymentGuards guards, LatencyTracker latency,
            RetrySettings retry, DoubleSupplier random) {
        this(adapters, guards, latency, retry, random, AttemptObserver.NONE, null);
    }

    /**
     * The production form: every attempt, retry and fallback is reported to {@code observer}, and timeouts and retry
     * waits run on {@code timer} (null: Reactor's parallel scheduler, looked up at each use so virtual-time tests can
     * replace it).
     */
    public FailoverExecutor(ProviderAdapters adapters, DeploymentGuards guards, LatencyTracker latency,
            RetrySettings retry, DoubleSupplier random, AttemptObserver observer, Scheduler timer) {
        this.adapters = adapters;
        this.guards = guards;
        this.latency = latency;
        this.retry = retry;
        this.backoff = new Backoff(retry, random);
        this.observer = observer;
        this.timer = timer;
    }

    public DeploymentGuards guards() {
        return guards;
    }

    public LatencyTracker latency() {
        return latency;
    }

    /** A complete answer from the first candidate that gives one. */
    public Mono<ChatResponse> chat(Candidates candidates, ChatRequest request, TimeBudget budget,
            RoutingTrace trace) {
        return once(GenAiConventions.OPERATION_CHAT, candidates, deployment -> adapters.forType(deployment.providerType())
                .chat(deployment.endpoint(), request.withModel(deployment.model().upstreamModel())), budget, trace);
    }

    /** Embeddings from the first candidate that gives them. */
    public Mono<EmbeddingResponse> embed(Candidates candidates, EmbeddingRequest request, TimeBudget budget,
            RoutingTrace trace) {
        return once(GenAiConventions.OPERATION_EMBEDDINGS, candidates, deployment -> adapters
                .forType(deployment.providerType())
                .embed(deployment.endpoint(), request.withModel(deployment.model().upstreamModel())), budget, trace);
    }

    /** A legacy text completion (OpenAI JSON, passed through) from the first candidate that gives one. */
    public Mono<ObjectNode> complete(Candidates candidates, ObjectNode body, TimeBudget budget,
            RoutingTrace trace) {
        return once(GenAiConventions.OPERATION_TEXT_COMPLETION, candidates, deployment -> adapters
                .forType(deployment.providerType())
                .complete(deployment.endpoint(), withModel(body, deployment)), budget, trace);
    }

    /** A streamed legacy text completion from the first candidate whose stream starts. */
    public Flux<ObjectNode> streamComplete(Candidates candidates, ObjectNode body, TimeBudget budget,
            RoutingTrace trace) {
        return streamed(GenAiConventions.OPERATION_TEXT_COMPLETION, candidates, deployment -> adapters
                .forType(deployment.providerType())
                .streamComplete(deployment.endpoint(), withModel(body, deployment)), StreamCommit::commitsCompletion,
                budget, trace);
    }

    /**
     * A complete answer of any kind from the first candidate that gives one, {@code attempt} making each call (for
     * wire formats the adapters offer natively, or translated on the way); as {@link #chat} in every other respect.
     */
    public <T> Mono<T> single(String operation, Candidates candidates, Function<Deployment, Mono<T>> attempt,
            TimeBudget budget, RoutingTrace trace) {
        return once(operation, candidates, attempt, budget, trace);
    }

    private <T> Mono<T> once(String operation, Candidates candidates, Function<Deployment, Mono<T>> attempt,
            TimeBudget budget, RoutingTrace trace) {
        return Mono.defer(() -> {
            Duration limit = budget.timeouts().attempt();
            // Armed as each attempt starts; when the request's deadline comes first, that deadline ends the attempt,
            // as the request's timeout rather than the deployment's.
            Function<Deployment, Flux<T>> call = deployment -> {
                Mono<T> answer = attempt.apply(deployment);
                return (budget.endsFirst(limit, now()) ? answer.timeout(delay(limit)) : answer).flux();
            };
            FailoverRun<T> run = new FailoverRun<>(operation, candidates, call, trace, this, budget, false);
            Duration left = budget.remaining(now());
            if (left.isZero()) {
                // Spent by an earlier run of the same request (a route before a nested one): nothing is called.
                return Mono.error(run.timedOut());
            }
            return run.start()
                    .single()
                    .timeout(delay(left))
                    .onErrorMap(TimeoutException.class, timeout -> run.timedOut());
        });
    }

    private static ObjectNode withModel(ObjectNode body, Deployment deployment) {
        return body.deepCopy().put("model", deployment.model().upstreamModel());
    }

    /**
     * A stream from the first candidate whose stream starts. {@code request} is sent as given apart from the
     * model id, so callers add stream options (usage) themselves.
     */
    public Flux<ChatChunk> stream(Candidates candidates, ChatRequest request, TimeBudget budget,
            RoutingTrace trace) {
        return streamed(GenAiConventions.OPERATION_CHAT, candidates, deployment -> adapters
                .forType(deployment.providerType())
                .streamChat(deployment.endpoint(), request.withModel(deployment.model().upstreamModel())),
                StreamCommit::commits, budget, trace);
    }

    /**
     * A stream from the first candidate whose stream commits: an attempt's opening elements are held until its first
     * element that {@code commits}, so an upstream that fails after a role-only chunk or an opening event is still
     * failed over, and the first-token timeout waits for content, not for an opening.
     */
    public <T> Flux<T> streamed(String operation, Candidates candidates, Function<Deployment, Flux<T>> attempt,
            Predicate<? super T> commits, TimeBudget budget, RoutingTrace trace) {
        return Flux.defer(() -> {
            Timeouts timeouts = budget.timeouts();
            Function<Deployment, Flux<T>> call = deployment -> StreamCommit.holdUntilCommit(attempt.apply(deployment),
                            commits)
                    .timeout(budget.endsFirst(timeouts.firstToken(), now()) ? delay(timeouts.firstToken())
                            : Mono.never(), chunk -> delay(timeouts.streamIdle()));
            FailoverRun<T> run = new FailoverRun<>(operation, candidates, call, trace, this, budget, true);
            Duration left = budget.remaining(now());
            if (left.isZero()) {
                return Flux.error(run.timedOut());
            }
            // The request timeout bounds the wait for the first chunk only; a started stream is bounded by streamIdle.
            return run.start()
                    .timeout(delay(left), chunk -> Mono.never())
                    .onErrorMap(TimeoutException.class, timeout -> run.timedOut());
        });
    }

    /** A time budget for a request that starts now, on this executor's clock. */
    public TimeBudget budget(Timeouts timeouts) {
        return new TimeBudget(timeouts, now());
    }

    /** The executor's clock in nanoseconds: its timer's, so virtual-time tests move it. */
    long now() {
        return (timer == null ? Schedulers.parallel() : timer).now(TimeUnit.NANOSECONDS);
    }

    /** A wait on the executor's timer, for timeouts and retry backoff. */
    Mono<Long> delay(Duration duration) {
        return timer == null ? Mono.delay(duration) : Mono.delay(duration, timer);
    }

    AttemptObserver observer() {
        return observer;
    }

    RetrySettings retrySettings() {
        return retry;
    }

    Backoff backoff() {
        return backoff;
    }

    static ProviderException classify(Deployment deployment, Throwable failure) {
        return ai.switchboard.providers.error.UpstreamErrors.fromThrowable(deployment.endpoint(), failure);
    }
}
