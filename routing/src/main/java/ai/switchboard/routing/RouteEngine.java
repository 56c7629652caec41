package ai.switchboard.routing;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.providers.api.EmbeddingResponse;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.registry.Capability;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.registry.RouteConfig;
import ai.switchboard.routing.execution.Candidates;
import ai.switchboard.routing.execution.FailoverExecutor;
import ai.switchboard.routing.execution.RoutingFailedException;
import ai.switchboard.routing.execution.TimeBudget;
import ai.switchboard.routing.execution.Timeouts;
import ai.switchboard.routing.policy.NonStreaming;
import ai.switchboard.routing.policy.RoutePlan;
import ai.switchboard.routing.policy.RoutingPolicies;
import ai.switchboard.routing.policy.RoutingRequest;
import ai.switchboard.routing.policy.TargetAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves a request named by a route: asks the route's policy for a plan, expands the planned targets (models become
 * deployments; nested routes are planned in turn, lazily, only when reached) and executes them with failover. Runs
 * of consecutive models form one candidate list for {@link FailoverExecutor}; when a whole run fails with a
 * failure another deployment might not have, the next target takes over, so failover crosses nested routes too.
 */
public final class RouteEngine {

    private static final Logger log = LoggerFactory.getLogger(RouteEngine.class);
    private static final int MAX_DEPTH = 8;

    private final DeploymentResolver resolver;
    private final FailoverExecutor executor;
    private final RoutingPolicies policies;
    private final Timeouts defaults;
    private final DirectTargets direct;

    public RouteEngine(DeploymentResolver resolver, FailoverExecutor executor, RoutingPolicies policies,
            Timeouts defaults) {
        this.resolver = resolver;
        this.executor = executor;
        this.policies = policies;
        this.defaults = defaults;
        this.direct = new DirectTargets(resolver, policies);
    }

    /** The time limits for a target: the gateway's, overridden by a route's own. */
    public Timeouts timeoutsFor(Target target) {
        return target instanceof Target.Route(RouteConfig route)
                ? defaults.override(route.requestTimeout(), route.attemptTimeout(), route.firstTokenTimeout())
                : defaults;
    }

    /** A complete answer from the call's resolved route or model. */
    public Mono<ChatResponse> chat(RouteCall call) {
        return Mono.defer(() -> top(call, complete(executor.budget(timeoutsFor(call.target())))).single());
    }

    /** A stream from the call's resolved route or model; the request should already ask for usage. */
    public Flux<ChatChunk> stream(RouteCall call) {
        return Flux.defer(() -> top(call, streamed(executor.budget(timeoutsFor(call.target())))));
    }

    /**
     * A complete answer in another wire format, from the call's resolved route or model, with the same plans, failover
     * and budget as {@link #chat}: {@code attempt} produces one deployment's answer (a native call, or the canonical
     * request translated), and {@code policyAnswer} translates the canonical answer a composite policy (cascade,
     * ensemble) settled on. The call's canonical request is what policies look at and what their sub-calls send.
     */
    public <T> Mono<T> single(RouteCall call, String operation, Function<Deployment, Mono<T>> attempt,
            Function<ChatResponse, T> policyAnswer) {
        return Mono.defer(() -> {
            TimeBudget budget = executor.budget(timeoutsFor(call.target()));
            return top(call, new Mode<T>(false, budget, false) {
                @Override
                Flux<T> execute(Candidates candidates, ChatRequest request, RoutingTrace trace) {
                    return executor.single(operation, candidates, attempt, budget, trace).flux();
                }

                @Override
                Flux<T> answer(ChatResponse response) {
                    return Flux.just(policyAnswer.apply(response));
                }
            }).single();
        });
    }

    /**
     * A stream in another wire format, as {@link #single} is to {@link #chat}: fails over until an attempt's first
     * element that {@code commits} (see {@link FailoverExecutor#streamed}); {@code policyAnswer} replays a composite
     * policy's canonical answer as this format's stream.
     */
    public <T> Flux<T> streamed(RouteCall call, String operation, Function<Deployment, Flux<T>> attempt,
            Predicate<? super T> commits, Function<ChatResponse, Flux<T>> policyAnswer) {
        return Flux.defer(() -> {
            TimeBudget budget = executor.budget(timeoutsFor(call.target()));
            return top(call, new Mode<T>(true, budget, false) {
                @Override
                Flux<T> execute(Candidates candidates, ChatRequest request, RoutingTrace trace) {
                    return executor.streamed(operation, candidates, attempt, commits, budget, trace);
                }

                @Override
                Flux<T> answer(ChatResponse response) {
                    return policyAnswer.apply(response);
                }
            });
        });
    }

    /**
     * Embeddings from a resolved model or {@code fallback} route, with failover across the route's targets and
     * fallbacks (see {@link DirectTargets}).
     */
    public Mono<EmbeddingResponse> embed(RegistrySnapshot snapshot, Target target, EmbeddingRequest request,
            RoutingTrace trace) {
        return Mono.defer(() -> executor.embed(Candidates.of(direct.expand(snapshot, target, trace,
                Capability.EMBEDDINGS)), request, executor.budget(timeoutsFor(target)), trace));
    }

    /**
     * Embeddings a policy asks for (a classifier's embedding model): consumed inside the gateway, so their usage is
     * counted as extra, at the embedding model's prices.
     */
    private Mono<EmbeddingResponse> embedForPolicy(RegistrySnapshot snapshot, String name, EmbeddingRequest request,
            RoutingTrace trace, TimeBudget budget) {
        RoutingTrace branch = trace.branch();
        return embed(snapshot, name, request, branch, budget)
                .doOnNext(response -> trace.extraUsage(branch.served(), response.usage()));
    }

    /** Embeddings for a name, within the request's budget. */
    private Mono<EmbeddingResponse> embed(RegistrySnapshot snapshot, String name, EmbeddingRequest request,
            RoutingTrace trace, TimeBudget budget) {
        return Mono.defer(() -> executor.embed(Candidates.of(direct.expand(snapshot, name, trace,
                Capability.EMBEDDINGS)), request, budget, trace));
    }

    /** A legacy text completion from a resolved model or {@code fallback} route, with failover. */
    public Mono<ObjectNode> complete(RegistrySnapshot snapshot, Target target, ObjectNode body, RoutingTrace trace) {
        return Mono.defer(() -> executor.complete(Candidates.of(direct.expand(snapshot, target, trace,
                Capability.COMPLETIONS)), body, executor.budget(timeoutsFor(target)), trace));
    }

    /**
     * A streamed legacy text completion from a resolved model or {@code fallback} route; fails over until its
     * first chunk.
     */
    public Flux<ObjectNode> streamComplete(RegistrySnapshot snapshot, Target target, ObjectNode body,
            RoutingTrace trace) {
        return Flux.defer(() -> executor.streamComplete(Candidates.of(direct.expand(snapshot, target, trace,
                Capability.COMPLETIONS, Capability.STREAMING)), body, executor.budget(timeoutsFor(target)), trace));
    }

    /** Serves the client's own target, resolved before routing: its route is planned, its model called. */
    private <T> Flux<T> top(RouteCall call, Mode<T> mode) {
        return switch (call.target()) {
            case Target.Route(RouteConfig route) -> route(call, route, 0, false, mode, call.trace());
            case Target.Model(Deployment deployment) ->
                    mode.execute(Candidates.of(List.of(deployment)), call.request(), call.trace());
        };
    }

    private Mode<ChatResponse> complete(TimeBudget budget) {
        return new Mode<ChatResponse>(false, budget) {
            @Override
            Flux<ChatResponse> execute(Candidates candidates, ChatRequest request, RoutingTrace trace) {
                return executor.chat(candidates, request, budget, trace).flux();
            }

            @Override
            Flux<ChatResponse> answer(ChatResponse response) {
                return Flux.just(response);
            }
        };
    }

    private Mode<ChatChunk> streamed(TimeBudget budget) {
        return new Mode<ChatChunk>(true, budget) {
            @Override
            Flux<ChatChunk> execute(Candidates candidates, ChatRequest request, RoutingTrace trace) {
                return executor.stream(candidates, request, budget, trace);
            }

            @Override
            Flux<ChatChunk> answer(ChatResponse response) {
                return ResponseChunks.of(response);
            }
        };
    }

    /**
     * Serves {@code names} in order; {@code othersFollow} says whether the caller has more to try when they all
     * fail (a later target or fallback of an enclosing route).
     */
    private <T> Flux<T> run(RouteCall call, List<String> names, int depth, boolean othersFollow, Mode<T> mode,
            RoutingTrace trace) {
        if (depth > MAX_DEPTH) {
            return Flux.error(new RoutingFailedException(trace.attempts(), ProviderException.of(
                    ErrorType.INVALID_REQUEST, "Routes are nested more than " + MAX_DEPTH + " levels deep")));
        }
        List<Segment> segments = segments(call, names, mode.streaming, trace);
        if (segments.isEmpty()) {
            return Flux.error(new RoutingFailedException(trace.attempts(), new ProviderException(
                    ErrorType.UPSTREAM_UNAVAILABLE, 503, "No enabled model can serve '" + call.name() + "'", "model",
                    "no_healthy_deployment", null, null)));
        }
        return segment(call, segments, 0, depth, othersFollow, mode, trace);
    }

    private <T> Flux<T> segment(RouteCall call, List<Segment> segments, int index, int depth, boolean othersFollow,
            Mode<T> mode, RoutingTrace trace) {
        Segment segment = segments.get(index);
        boolean more = index + 1 < segments.size();
        Flux<T> attempt = segment.route() != null
                ? route(call, segment.route(), depth, more || othersFollow, mode, trace)
                : mode.execute(new Candidates(segment.deployments(), more || othersFollow), call.request(), trace);
        if (!more) {
            return attempt;
        }
        return attempt.onErrorResume(RoutingFailedException.class, failed -> continuable(failed)
                ? segment(call, segments, index + 1, depth, othersFollow, mode, trace)
                : Flux.error(failed));
    }

    private <T> Flux<T> route(RouteCall call, RouteConfig route, int depth, boolean othersFollow, Mode<T> mode,
            RoutingTrace trace) {
        trace.route(route.name());
        RoutingRequest request = new RoutingRequest(call.request(), call.keyName(), call.tags(), trace,
                (target, body) -> invoke(call, target, body, depth + 1, trace, mode.budget),
                (target, body) -> embedForPolicy(call.snapshot(), target, body, trace, mode.budget),
                name -> resolver.resolve(call.snapshot(), name), name -> call.snapshot().prompt(name));
        return policies.policyOf(route).plan(request).flatMapMany(plan -> {
            if (plan instanceof RoutePlan.Answer answer) {
                trace.served(answer.servedBy());
                return mode.answer(answer.response());
            }
            if (plan instanceof RoutePlan.Rewritten rewritten) {
                List<String> targets = new ArrayList<>(rewritten.names());
                targets.addAll(route.fallbacks());
                RouteCall written = new RouteCall(call.snapshot(), call.target(), rewritten.request(), call.keyName(),
                        call.tags(), trace);
                if (mode.canonical) {
                    return run(written, targets, depth + 1, othersFollow, mode, trace);
                }
                // Another wire format's attempts send the client's own body; the written request goes canonical.
                RouteCall buffered = new RouteCall(call.snapshot(), call.target(), NonStreaming.of(
                        rewritten.request()), call.keyName(), call.tags(), trace);
                return run(buffered, targets, depth + 1, othersFollow, complete(mode.budget), trace).single()
                        .flatMapMany(mode::answer);
            }
            List<String> targets = new ArrayList<>(((RoutePlan.Targets) plan).names());
            targets.addAll(route.fallbacks());
            log.debug("Request {}: route '{}' plans {}", trace.requestId(), route.name(), targets);
            return run(call, targets, depth + 1, othersFollow, mode, trace);
        }).onErrorResume(RoutingFailedException.class, failed -> {
            // A composite policy that failed as a whole still has the route's fallbacks.
            if (!continuable(failed) || route.fallbacks().isEmpty() || trace.served() != null) {
                return Flux.error(failed);
            }
            return run(call, route.fallbacks(), depth + 1, othersFollow, mode, trace);
        });
    }

    /** A sub-call of a composite policy (a cascade step, an ensemble member): within the request's own budget. */
    private Mono<TargetAnswer> invoke(RouteCall call, String target, ChatRequest body,
            int depth, RoutingTrace parent, TimeBudget budget) {
        RoutingTrace branch = parent.branch();
        RouteCall sub = new RouteCall(call.snapshot(), call.target(), NonStreaming.of(body), call.keyName(),
                call.tags(), branch);
        return run(sub, List.of(target), depth, false, complete(budget), branch).single()
                .map(response -> new TargetAnswer(response, branch.served()));
    }

    /** Splits target names into runs of deployments and single routes, dropping unusable names. */
    private List<Segment> segments(RouteCall call, List<String> names, boolean streaming, RoutingTrace trace) {
        List<Segment> segments = new ArrayList<>(2);
        List<Deployment> run = new ArrayList<>(names.size());
        for (String name : names) {
            RouteConfig route = call.snapshot().route(name);
            if (route != null) {
                if (route.enabled()) {
                    flush(segments, run);
                    segments.add(new Segment(null, route));
                }
                continue;
            }
            Deployment deployment = resolver.resolve(call.snapshot(), name);
            if (deployment == null || !Capabilities.supports(deployment.model(), Capability.CHAT)
                    || (streaming && !Capabilities.supports(deployment.model(), Capability.STREAMING))) {
                trace.decide("skipped '" + name + "': unknown, disabled or not capable");
                continue;
            }
            if (!run.contains(deployment)) {
                run.add(deployment);
            }
        }
        flush(segments, run);
        return segments;
    }

    private static void flush(List<Segment> segments, List<Deployment> run) {
        if (!run.isEmpty()) {
            segments.add(new Segment(List.copyOf(run), null));
            run.clear();
        }
    }

    /** Whether a failure leaves room for another target: not when the request itself was refused. */
    static boolean continuable(RoutingFailedException failed) {
        return !failed.decisive().type().endsRequest();
    }

    private record Segment(List<Deployment> deployments, RouteConfig route) {
    }

    /** Whether answers are complete or streamed, and how each is produced. */
    private abstract static class Mode<T> {
        final boolean streaming;
        final TimeBudget budget;
        /** Whether attempts send the call's canonical request (chat and stream) or a wire body of their own. */
        final boolean canonical;

        Mode(boolean streaming, TimeBudget budget) {
            this(streaming, budget, true);
        }

        Mode(boolean streaming, TimeBudget budget, boolean canonical) {
            this.streaming = streaming;
            this.budget = budget;
            this.canonical = canonical;
        }

        abstract Flux<T> execute(Candidates candidates, ChatRequest request, RoutingTrace trace);

        abstract Flux<T> answer(ChatResponse response);
    }
}
