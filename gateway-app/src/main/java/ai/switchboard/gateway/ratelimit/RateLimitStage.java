package ai.switchboard.gateway.ratelimit;

import ai.switchboard.gateway.pipeline.Outcome;
import ai.switchboard.gateway.pipeline.RequestContext;
import ai.switchboard.gateway.pipeline.RequestStage;
import ai.switchboard.observability.RateLimitMetrics;
import ai.switchboard.registry.RateLimitConfig;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.registry.TeamConfig;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import ai.switchboard.routing.Deployment;
import ai.switchboard.routing.Target;
import ai.switchboard.routing.execution.AttemptAdmission;
import ai.switchboard.routing.execution.AttemptRefusedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Admits a request against the rate limits that apply to it, in one of two places of the pipeline: before
 * resolution, its key's and its team's limits; after it, the limit of the model the name resolved to, or for a
 * route, each of its models' limits as the route engine is about to call it (a route is served by whichever of its
 * models may still be called). Each limit counts a request
 * and, when it limits tokens, the request's estimate (prompt tokens plus {@code max_tokens}), corrected to the real
 * usage on exit. Takes are in-memory ({@link SharedRateLimiter}); only a replica that has run dry waits for a lease,
 * off the event loop. Every response of a limited request carries OpenAI's {@code x-ratelimit-*} headers.
 */
final class RateLimitStage implements RequestStage {

    private static final Mono<Void> GO_ON = Mono.empty();
    /** A request needing a bigger lease than the one in flight asks again, a few times at most. */
    private static final int MAX_WAITS = 3;

    enum Scope { CALLER, MODEL }

    private final Scope scope;
    private final SharedRateLimiter limiter;
    private final RegistrySnapshotManager snapshots;
    private final RateLimitMetrics metrics;
    private final Duration leaseTimeout;
    /** Whether this stage has counted tokens once, off the event loop (so the tokenizer is loaded). */
    private volatile boolean tokenizerLoaded;

    RateLimitStage(Scope scope, SharedRateLimiter limiter, RegistrySnapshotManager snapshots,
            RateLimitMetrics metrics, Duration leaseTimeout) {
        this.scope = scope;
        this.limiter = limiter;
        this.snapshots = snapshots;
        this.metrics = metrics;
        this.leaseTimeout = leaseTimeout;
    }

    @Override
    public Mono<Void> enter(RequestContext context) {
        RegistrySnapshot snapshot;
        RateLimitConfig first;
        RateLimitConfig second = null;
        if (scope == Scope.CALLER) {
            snapshot = snapshots.current();
            first = snapshot.keyRateLimit(context.key().id());
            second = snapshot.teamRateLimit(context.key().teamId());
        } else {
            snapshot = context.snapshot();
            if (snapshot == null || !snapshot.hasModelRateLimits()) {
                return GO_ON;
            }
            if (context.target() instanceof Target.Route) {
                return limitEachAttempt(context, snapshot);
            }
            if (!(context.target() instanceof Target.Model model)) {
                return GO_ON;
            }
            first = snapshot.modelRateLimit(model.deployment().model().id());
        }
        if (first == null && second == null) {
            return GO_ON;
        }
        if (!tokenizerLoaded && (limitsTokens(first) || limitsTokens(second))) {
            // The first count loads the tokenizer's vocabulary from the jar: a blocking read, kept off the event loop
            // (and out of start-up, for the gateways that never limit tokens).
            RegistrySnapshot counted = snapshot;
            RateLimitConfig one = first;
            RateLimitConfig other = second;
            return Mono.fromRunnable(() -> {
                context.estimatedTokens();
                tokenizerLoaded = true;
            }).subscribeOn(Schedulers.boundedElastic()).then(Mono.defer(() -> admit(context, counted, one, other)));
        }
        return admit(context, snapshot, first, second);
    }

    /**
     * A route is served by whichever of its models answers, so its models' limits are asked per attempt: a model over
     * its limit is skipped like an open circuit, and the request is refused only when no model is left.
     */
    private Mono<Void> limitEachAttempt(RequestContext context, RegistrySnapshot snapshot) {
        RouteAttempts attempts = new RouteAttempts(context, snapshot);
        context.attach(this, attempts);
        context.trace().admission(attempts);
        if (tokenizerLoaded) {
            return GO_ON;
        }
        // Attempts count tokens on the event loop: load the tokenizer first, off it (see enter).
        return Mono.fromRunnable(() -> {
            context.estimatedTokens();
            tokenizerLoaded = true;
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private static boolean limitsTokens(RateLimitConfig limit) {
        return limit != null && limit.limitsTokens();
    }

    private Mono<Void> admit(RequestContext context, RegistrySnapshot snapshot, RateLimitConfig first,
            RateLimitConfig second) {
        List<Demand> demands = new ArrayList<>(4);
        add(demands, context, first);
        add(demands, context, second);
        return new Admission(context, snapshot, demands.toArray(Demand[]::new)).run(0, 0);
    }

    private void add(List<Demand> demands, RequestContext context, RateLimitConfig limit) {
        if (limit == null) {
            return;
        }
        if (limit.requestsPerMinute() != null) {
            demands.add(new Demand(limit, false, limiter.perWindow(limit.requestsPerMinute()), 1));
        }
        if (limit.tokensPerMinute() != null) {
            demands.add(new Demand(limit, true, limiter.perWindow(limit.tokensPerMinute()),
                    context.estimatedTokens()));
        }
    }

    /** What a refusal names: built only for a refusal, never on the way in. */
    private static String subject(RateLimitConfig limit, RequestContext context, RegistrySnapshot snapshot) {
        return switch (limit.target()) {
            case KEY -> "key '" + context.key().name() + "'";
            case TEAM -> {
                TeamConfig team = snapshot.team(limit.targetId());
                yield "team '" + (team == null ? limit.targetId() : team.name()) + "'";
            }
            case MODEL -> "model '" + context.model() + "'";
        };
    }

    /**
     * Gives back the part of a token estimate the request did not use (or takes what it used beyond it), counting the
     * tokens of every call the request made.
     */
    @Override
    public void exit(RequestContext context, Outcome outcome) {
        Object attached = context.attached(this);
        if (attached instanceof RouteAttempts attempts) {
            attempts.settle();
            return;
        }
        if (!(attached instanceof Admitted admitted)) {
            return;
        }
        // Everything the request consumed: the answer, and the calls it made on the way (an agent's earlier steps, a
        // cascade's rejected answers, a judge), which loaded the providers as much.
        long used = context.inputTokens() + context.outputTokens() + context.trace().extraPromptTokens()
                + context.trace().extraCompletionTokens();
        boolean calledUpstream = context.trace().attemptCount() > 0;
        for (int i = 0; i < admitted.demands.length; i++) {
            Take take = admitted.takes[i];
            if (!admitted.demands[i].tokens) {
                continue;
            }
            if (used > 0) {
                limiter.adjust(take, take.amount - used);
            } else if (!calledUpstream) {
                limiter.adjust(take, take.amount);
            }
            // Otherwise a provider was called and its usage is unknown: the estimate stays spent.
        }
    }

    /** One limit in one dimension that this request must fit. */
    private record Demand(RateLimitConfig config, boolean tokens, long limit, long amount) {
    }

    /** What a request took, kept in its context until it ends. */
    private record Admitted(Demand[] demands, Take[] takes) {
    }

    /** Takes every demand in turn, waiting (off the event loop) only for a lease. */
    private final class Admission {

        private final RequestContext context;
        private final RegistrySnapshot snapshot;
        private final Demand[] demands;
        private final Take[] takes;

        Admission(RequestContext context, RegistrySnapshot snapshot, Demand[] demands) {
            this.context = context;
            this.snapshot = snapshot;
            this.demands = demands;
            this.takes = new Take[demands.length];
        }

        Mono<Void> run(int from, int waits) {
            for (int i = from; i < demands.length; i++) {
                Demand demand = demands[i];
                Take take = limiter.take(demand.config.id(), demand.tokens, demand.limit, demand.amount);
                if (take.status == Take.Status.TAKEN) {
                    takes[i] = take;
                    continue;
                }
                if (take.status == Take.Status.WAIT && waits < MAX_WAITS) {
                    int index = i;
                    return Mono.fromFuture(take.lease, true)
                            .timeout(leaseTimeout)
                            .onErrorMap(TimeoutException.class, late -> refuse(index, Take.Status.STORE_UNAVAILABLE,
                                    take))
                            .doOnCancel(() -> release(index))
                            .then(Mono.defer(() -> run(index, waits + 1)));
                }
                throw refuse(i, take.status == Take.Status.WAIT ? Take.Status.REFUSED : take.status, take);
            }
            for (int i = 0; i < demands.length; i++) {
                RateLimitHeaders.show(context.responseHeaders(), demands[i].tokens, takes[i].limit,
                        takes[i].remaining, takes[i].resetMillis);
            }
            context.attach(RateLimitStage.this, new Admitted(demands, takes));
            return GO_ON;
        }

        /** Gives back what the demands before {@code index} took: the request will not be served. */
        private void release(int index) {
            for (int i = 0; i < index; i++) {
                if (takes[i] != null) {
                    limiter.adjust(takes[i], takes[i].amount);
                    takes[i] = null;
                }
            }
        }

        /** Releases what was taken, counts the refusal, shows the limit and builds the 429. */
        private RateLimitedException refuse(int index, Take.Status why, Take take) {
            release(index);
            Demand demand = demands[index];
            metrics.refused(demand.config.target().ordinal(), demand.tokens);
            String subject = subject(demand.config, context, snapshot);
            long retry = why == Take.Status.STORE_UNAVAILABLE && take.status == Take.Status.WAIT
                    ? limiter.windowMillis() / 60 : take.resetMillis;
            RateLimitHeaders.show(context.responseHeaders(), demand.tokens, demand.limit,
                    why == Take.Status.TOO_LARGE ? take.remaining : 0, take.resetMillis);
            context.responseHeaders().set(RateLimitHeaders.RETRY_AFTER_MS, Long.toString(Math.max(1, retry)));
            return new RateLimitedException(demand.tokens ? "tokens" : "requests",
                    refusal(why, demand, subject, retry), retry);
        }
    }

    /** What a refusal tells the client: which limit, on what, and when to try again. */
    private static String refusal(Take.Status why, Demand demand, String subject, long retryMillis) {
        String dimension = demand.tokens ? "tokens" : "requests";
        return switch (why) {
            case TOO_LARGE -> "Request too large for the tokens per minute limit on " + subject
                    + ": it may use " + demand.amount + " tokens (prompt plus max_tokens), the limit is "
                    + demand.limit + ". Send a shorter prompt or a lower max_tokens.";
            case STORE_UNAVAILABLE -> "The " + dimension + " per minute limit on " + subject
                    + " cannot be checked right now (its shared counter is unreachable) and this gateway's "
                    + "share of it is used up. Please try again in " + RateLimitHeaders.duration(retryMillis) + ".";
            default -> "Rate limit reached for " + dimension + " per minute on " + subject + ": limit "
                    + demand.limit + (demand.tokens ? ", requested " + demand.amount : "")
                    + ". Please try again in " + RateLimitHeaders.duration(retryMillis) + ".";
        };
    }

    /** What one admitted attempt took from its model's limit. */
    private record AttemptTakes(Deployment deployment, Demand[] demands, Take[] takes) {
    }

    /**
     * The model limits of a request that named a route, asked by the route engine before each call. No headers are
     * written: another model may yet serve the request, and the caller's own limits are the ones it is shown.
     */
    private final class RouteAttempts implements AttemptAdmission {

        private final RequestContext context;
        private final RegistrySnapshot snapshot;
        /** Every admitted attempt, in order (ensemble members add theirs in parallel). */
        private final List<AttemptTakes> admitted = new ArrayList<>(2);

        RouteAttempts(RequestContext context, RegistrySnapshot snapshot) {
            this.context = context;
            this.snapshot = snapshot;
        }

        @Override
        public Mono<Void> admit(Deployment deployment) {
            RateLimitConfig limit = snapshot.modelRateLimit(deployment.model().id());
            if (limit == null) {
                return null;
            }
            List<Demand> demands = new ArrayList<>(2);
            add(demands, context, limit);
            return take(deployment, demands.toArray(Demand[]::new), new Take[demands.size()], 0, 0);
        }

        /** {@code null} once everything is taken; a wait for a lease; or the refusal that skips this model. */
        private Mono<Void> take(Deployment deployment, Demand[] demands, Take[] takes, int from, int waits) {
            for (int i = from; i < demands.length; i++) {
                Demand demand = demands[i];
                Take take = limiter.take(demand.config.id(), demand.tokens, demand.limit, demand.amount);
                if (take.status == Take.Status.TAKEN) {
                    takes[i] = take;
                    continue;
                }
                if (take.status == Take.Status.WAIT && waits < MAX_WAITS) {
                    int index = i;
                    return Mono.fromFuture(take.lease, true)
                            .timeout(leaseTimeout)
                            .onErrorMap(TimeoutException.class, late -> refuse(deployment, demands, takes, index,
                                    Take.Status.STORE_UNAVAILABLE, take))
                            .doOnCancel(() -> giveBack(takes, index))
                            .then(Mono.defer(() -> {
                                Mono<Void> next = take(deployment, demands, takes, index, waits + 1);
                                return next == null ? Mono.<Void>empty() : next;
                            }));
                }
                return Mono.error(refuse(deployment, demands, takes, i,
                        take.status == Take.Status.WAIT ? Take.Status.REFUSED : take.status, take));
            }
            synchronized (this) {
                admitted.add(new AttemptTakes(deployment, demands, takes));
            }
            return null;
        }

        private AttemptRefusedException refuse(Deployment deployment, Demand[] demands, Take[] takes, int index,
                Take.Status why, Take take) {
            giveBack(takes, index);
            Demand demand = demands[index];
            metrics.refused(demand.config.target().ordinal(), demand.tokens);
            long retry = why == Take.Status.STORE_UNAVAILABLE && take.status == Take.Status.WAIT
                    ? limiter.windowMillis() / 60 : take.resetMillis;
            return new AttemptRefusedException(refusal(why, demand, "model '" + deployment.modelName() + "'", retry),
                    Duration.ofMillis(Math.max(1, retry)));
        }

        private void giveBack(Take[] takes, int index) {
            for (int i = 0; i < index; i++) {
                if (takes[i] != null) {
                    limiter.adjust(takes[i], takes[i].amount);
                    takes[i] = null;
                }
            }
        }

        /**
         * Corrects the token estimate of the attempt that answered to the usage it reported. Every other admitted
         * attempt called its provider and failed, its usage unknown: its estimate stays spent.
         */
        void settle() {
            Deployment served = context.trace().served();
            long used = context.inputTokens() + context.outputTokens();
            if (served == null || used <= 0) {
                return;
            }
            AttemptTakes answered = null;
            synchronized (this) {
                for (AttemptTakes attempt : admitted) {
                    if (attempt.deployment.equals(served)) {
                        answered = attempt;
                    }
                }
            }
            if (answered == null) {
                return;
            }
            for (int i = 0; i < answered.demands.length; i++) {
                if (answered.demands[i].tokens && answered.takes[i] != null) {
                    limiter.adjust(answered.takes[i], answered.takes[i].amount - used);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "RateLimitStage[" + scope + "]";
    }
}
