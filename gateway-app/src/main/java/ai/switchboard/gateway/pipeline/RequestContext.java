package ai.switchboard.gateway.pipeline;

import ai.switchboard.gateway.cache.CacheDirective;
import ai.switchboard.gateway.cache.CacheLookup;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.Usage;
import ai.switchboard.registry.AgentConfig;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.registry.RouteConfig;
import ai.switchboard.routing.RouteCall;
import ai.switchboard.routing.RoutingTrace;
import ai.switchboard.routing.Target;
import io.micrometer.tracing.Span;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.springframework.http.HttpHeaders;

/**
 * Everything one GenAI request carries for its whole life, whatever its wire format: who called, what they asked
 * for, what the name resolved to, the routing trace, the tokens spent and how it ended. Handlers fill in the wire
 * facts, stages the rest; it travels explicitly (never in a ThreadLocal) and may be touched from any thread of the
 * reactive chain, so values written after the upstream call starts are volatile.
 *
 * <p>Contexts are opened by {@link RequestPipeline#open}. A context ends exactly once ({@link #failed},
 * {@link #succeeded} or {@link #cancelled}; later calls are ignored), and ending runs every stage's exit.
 */
public final class RequestContext {

    private final String requestId;
    private final Api api;
    private final ApiKeyRecord key;
    private final Instant startedAt;
    private final long startNanos;
    private final Span span;
    private final Set<String> tags;
    private final boolean debugRequested;
    private final RoutingTrace trace;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile Runnable beforeExit;
    /** What an agent's later steps settled with the budgets themselves, by budget id; {@code null} until one does. */
    private volatile Map<UUID, Long> settledEarly;

    private final RequestStage[] stages;

    private String model;
    private boolean stream;
    private RegistrySnapshot snapshot;
    private RouteConfig candidateRoute;
    private Target target;
    private AgentConfig agent;
    private volatile String agentRunId;

    private LongSupplier promptTokens;
    private long countedPromptTokens = -1;
    private Integer maxOutputTokens;
    private int choices = 1;
    private volatile Object budgetHold;

    private volatile long inputTokens;
    private volatile long outputTokens;
    private volatile long cachedTokens;
    private volatile long firstTokenNanos = -1;
    private volatile boolean answerSent;

    private HttpHeaders responseHeaders;
    private CacheDirective cacheDirective = CacheDirective.USE;
    private Object cacheableRequest;
    private volatile CacheLookup cacheLookup;
    private volatile Map<RequestStage, Object> stageState;

    RequestContext(RequestStage[] stages, String requestId, Api api, ApiKeyRecord key, Instant startedAt,
            long startNanos, Span span, Set<String> tags, boolean debugRequested) {
        this.stages = stages;
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.api = Objects.requireNonNull(api, "api");
        this.key = Objects.requireNonNull(key, "key");
        this.startedAt = startedAt;
        this.startNanos = startNanos;
        this.span = span;
        this.tags = tags == null ? Set.of() : tags;
        this.debugRequested = debugRequested;
        this.trace = new RoutingTrace(requestId);
        this.trace.parentSpan(span == null ? null : span.context());
    }

    public String requestId() {
        return requestId;
    }

    public Api api() {
        return api;
    }

    public ApiKeyRecord key() {
        return key;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public long startNanos() {
        return startNanos;
    }

    public Span span() {
        return span;
    }

    public Set<String> tags() {
        return tags;
    }

    /** Whether the decision trace goes back to the caller: asked for, by an admin-scoped key. */
    public boolean debug() {
        return debugRequested && key.hasScope(KeyScope.ADMIN);
    }

    public RoutingTrace trace() {
        return trace;
    }

    /** The wire facts the stages need: the model or route name the client sent, and whether it streams. */
    public RequestContext request(String modelName, boolean streamed) {
        this.model = modelName;
        this.stream = streamed;
        return this;
    }

    /**
     * The prompt's tokens plus the output the client allows ({@code max_tokens}, 0 when it set none), before the
     * request is sent: what a token rate limit charges up front.
     */
    public long estimatedTokens() {
        return promptTokenCount() + (maxOutputTokens == null ? 0 : maxOutputTokens);
    }

    /** The prompt's tokens, counted on the first call only (counting takes time, and two stages may ask). */
    public long promptTokenCount() {
        if (countedPromptTokens < 0) {
            countedPromptTokens = promptTokens == null ? 0 : promptTokens.getAsLong();
        }
        return countedPromptTokens;
    }

    /** Where the request's answer is written from (JSON, stream or error): not yet sent while stages run. */
    void responseHeaders(HttpHeaders headers) {
        this.responseHeaders = headers;
    }

    /**
     * The headers of the response to come, for a stage to add to before the first byte: they reach the client on the
     * answer, a stream or an error alike. A context opened outside an HTTP exchange gets a detached set.
     */
    public HttpHeaders responseHeaders() {
        if (responseHeaders == null) {
            responseHeaders = new HttpHeaders();
        }
        return responseHeaders;
    }

    /** Keeps what {@code stage} took for this request (a permit, a reservation), to give back on exit. */
    public void attach(RequestStage stage, Object state) {
        Map<RequestStage, Object> states = stageState;
        if (states == null) {
            synchronized (this) {
                if (stageState == null) {
                    stageState = new ConcurrentHashMap<>(4);
                }
                states = stageState;
            }
        }
        states.put(stage, state);
    }

    /** What {@code stage} attached, or {@code null}. */
    public Object attached(RequestStage stage) {
        Map<RequestStage, Object> states = stageState;
        return states == null ? null : states.get(stage);
    }

    /** What the client's headers asked of the response cache. */
    void cacheDirective(CacheDirective directive) {
        this.cacheDirective = directive;
    }

    public CacheDirective cacheDirective() {
        return cacheDirective;
    }

    /**
     * The parsed request, for a handler whose answers may be cached: the cache stage keys on it. A handler that never
     * sets it is never cached.
     */
    public RequestContext cacheable(Object request) {
        this.cacheableRequest = request;
        return this;
    }

    public Object cacheableRequest() {
        return cacheableRequest;
    }

    /** Set by the cache stage when a policy covers the request: hit, miss or bypass. */
    public void cacheLookup(CacheLookup lookup) {
        this.cacheLookup = lookup;
    }

    /** What the cache stage found, or {@code null} when no policy covers the request. */
    public CacheLookup cacheLookup() {
        return cacheLookup;
    }

    /** Whether the answer comes from the response cache: no model is called, so nothing is reserved or spent. */
    public boolean answeredFromCache() {
        CacheLookup lookup = cacheLookup;
        return lookup != null && lookup.hit() != null;
    }

    /** The model or route name the client sent; {@code null} until the body was read. */
    public String model() {
        return model;
    }

    public boolean stream() {
        return stream;
    }

    /**
     * What the request may cost before it is sent, for the stages that charge it up front (token rate limits, the
     * budget's worst-case reservation).
     *
     * @param prompt counts the prompt's tokens with the gateway's tokenizer; called only when a stage asks, once
     * @param maxOutput the request's output cap ({@code max_tokens}), or {@code null}
     * @param answers how many answers it asks for ({@code n})
     */
    public RequestContext costHints(LongSupplier prompt, Integer maxOutput, int answers) {
        this.promptTokens = prompt;
        this.maxOutputTokens = maxOutput;
        this.choices = Math.max(1, answers);
        return this;
    }

    LongSupplier promptTokens() {
        return this::promptTokenCount;
    }

    Integer maxOutputTokens() {
        return maxOutputTokens;
    }

    int choices() {
        return choices;
    }

    /** What the budget stage reserved for this request, kept until it settles. */
    void budgetHold(Object hold) {
        this.budgetHold = hold;
    }

    Object budgetHold() {
        return budgetHold;
    }

    /** Set by the resolve stage: the snapshot the whole request is served from, and what the name resolved to. */
    void resolved(RegistrySnapshot servedFrom, Target resolvedTarget) {
        this.snapshot = servedFrom;
        this.target = resolvedTarget;
    }

    /** Set by the resolve stage when the name is an agent's: it runs, planning with {@link #target()}. */
    void agent(AgentConfig resolvedAgent) {
        this.agent = resolvedAgent;
    }

    /** The agent the request runs, or {@code null} for a model or route. */
    public AgentConfig agent() {
        return agent;
    }

    /** Names the stored run this request is ({@code /v1/agents/runs/{id}}), for its ledger row. */
    public void agentRunId(String runId) {
        this.agentRunId = runId;
    }

    /** The stored run this request is, or {@code null}. */
    public String agentRunId() {
        return agentRunId;
    }

    /**
     * Serves {@code route} in place of the registry's route of the same name: a promotion gate's candidate, set by the
     * evaluation that makes the call. Clients cannot set it.
     */
    public RequestContext candidateRoute(RouteConfig route) {
        this.candidateRoute = route;
        return this;
    }

    /** The candidate route the request is served by, or {@code null}. */
    public RouteConfig candidateRoute() {
        return candidateRoute;
    }

    /** The registry snapshot the request is served from; {@code null} before resolution. */
    public RegistrySnapshot snapshot() {
        return snapshot;
    }

    /** What the name resolved to; {@code null} before resolution. */
    public Target target() {
        return target;
    }

    /** The route engine's view of this request, once resolved, for a chat body. */
    public RouteCall routeCall(ChatRequest body) {
        return new RouteCall(snapshot, target, body, key.name(), tags, trace);
    }

    /**
     * A call of this request to another target, traced on its own branch (a run another agent delegated to): the
     * caller's key and tags, this request's snapshot.
     */
    public RouteCall routeCall(Target other, ChatRequest body, RoutingTrace branch) {
        return new RouteCall(snapshot, other, body, key.name(), tags, branch);
    }

    /** Token usage as the answer reported it (OpenAI semantics: cached ⊆ prompt). */
    public void usage(Usage usage) {
        if (usage != null) {
            tokens(usage.promptTokens() == null ? 0 : usage.promptTokens(),
                    usage.completionTokens() == null ? 0 : usage.completionTokens(), usage.cachedTokens());
        }
    }

    /** Token usage from raw counts. */
    public void tokens(long input, long output, long cached) {
        this.inputTokens = input;
        this.outputTokens = output;
        this.cachedTokens = cached;
    }

    public long inputTokens() {
        return inputTokens;
    }

    public long outputTokens() {
        return outputTokens;
    }

    public long cachedTokens() {
        return cachedTokens;
    }

    /** Marks the first streamed chunk, for time to first token; later calls are ignored. */
    public void firstToken() {
        if (firstTokenNanos < 0) {
            firstTokenNanos = System.nanoTime();
        }
    }

    /** When the first chunk was seen ({@link System#nanoTime()}), or -1. */
    public long firstTokenNanos() {
        return firstTokenNanos;
    }

    /** Ends the request with a failure: the exits of the entered stages run, once. */
    public void failed(Throwable failure) {
        finish(RequestPipeline.outcomeOf(failure));
    }

    /** Ends the request successfully: its answer has been written to the client. */
    public void succeeded() {
        finish(Outcome.succeeded());
    }

    /**
     * Marks that a streamed answer is whole on its way to the client: its terminal event (an API that knows it marks
     * it as the event goes to the connection), or every event once the stream completes (the pipeline marks that). An
     * SSE client may hang up as soon as it has read the terminal event, before the end of the response is written
     * (Codex does, on {@code response.completed}), and that is no cancel.
     */
    public void answerSent() {
        answerSent = true;
    }

    /**
     * Ends the request because the client went away: cancelled, unless it had already been sent its whole answer
     * ({@link #answerSent}), in which case it was served.
     */
    public void cancelled() {
        finish(answerSent ? Outcome.succeeded() : Outcome.cancelled());
    }

    /** Notes that a step of this request settled {@code nanos} with budget {@code budgetId} on its own. */
    public void settledEarly(UUID budgetId, long nanos) {
        Map<UUID, Long> settled = settledEarly;
        if (settled == null) {
            synchronized (this) {
                if (settledEarly == null) {
                    settledEarly = new ConcurrentHashMap<>();
                }
                settled = settledEarly;
            }
        }
        settled.merge(budgetId, Math.max(0, nanos), Long::sum);
    }

    /** What this request's steps settled with budget {@code budgetId} already, in nano-dollars. */
    long settledEarly(UUID budgetId) {
        Map<UUID, Long> settled = settledEarly;
        return settled == null ? 0 : settled.getOrDefault(budgetId, 0L);
    }

    /**
     * Work that must be done before the stages see the request end, however it ends: an agent run's model steps not
     * yet counted (a run that fails or is cancelled midway has still paid for them). One per request; must not block.
     */
    public void beforeExit(Runnable work) {
        this.beforeExit = work;
    }

    void finish(Outcome outcome) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        Runnable work = beforeExit;
        if (work != null) {
            work.run();
        }
        RequestPipeline.exit(stages, this, outcome);
    }

    /** Whether the request has ended. */
    public boolean isFinished() {
        return finished.get();
    }
}
