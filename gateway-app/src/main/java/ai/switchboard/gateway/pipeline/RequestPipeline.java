package ai.switchboard.gateway.pipeline;

import ai.switchboard.gateway.api.error.ErrorClassification;
import ai.switchboard.registry.ApiKeyRecord;
import io.micrometer.tracing.Span;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one ordered list of stages every GenAI request runs through (the order is set in
 * {@link PipelineConfiguration}): each stage's {@code enter} in order, then the call itself (route and execute),
 * then, when the request ends however it ends, each stage's {@code exit} in the same order.
 *
 * <p>Stages that decide synchronously cost a virtual call each: no reactive operator is built unless a stage
 * actually has to wait.
 */
public final class RequestPipeline {

    private static final Logger log = LoggerFactory.getLogger(RequestPipeline.class);
    private static final Mono<Void> GO_ON = Mono.empty();

    private final RequestStage[] stages;
    private final Clock clock;

    public RequestPipeline(List<RequestStage> stages, Clock clock) {
        this.stages = stages.toArray(RequestStage[]::new);
        this.clock = clock;
    }

    /** The stages in the order they run, for operators and tests. */
    public List<RequestStage> stages() {
        return List.of(stages);
    }

    /**
     * Opens the context of a new request, started now; it ends through this pipeline's stages.
     *
     * @param key the authenticated caller's key
     * @param span the request's server span, or {@code null} when tracing is off
     * @param tags the caller's {@code x-switchboard-tags}
     * @param debugRequested whether the caller asked for the decision trace (granted to admin keys only)
     */
    public RequestContext open(String requestId, Api api, ApiKeyRecord key, Span span, Set<String> tags,
            boolean debugRequested) {
        return new RequestContext(stages, requestId, api, key, clock.instant(), System.nanoTime(), span, tags,
                debugRequested);
    }

    /**
     * Runs a request whose answer is one value (a JSON response). A failure or a cancel ends the context here; a
     * success does not: the request has succeeded only once its answer is written ({@link AnswerDelivery}), because a
     * client whose connection closed before the write got nothing, and its row must say so.
     */
    public <T> Mono<T> single(RequestContext context, Function<RequestContext, Mono<T>> call) {
        Mono<T> run;
        try {
            Mono<Void> admitted = enter(context, 0);
            run = admitted == GO_ON ? call.apply(context) : admitted.then(Mono.defer(() -> call.apply(context)));
        } catch (RuntimeException refused) {
            run = Mono.error(refused);
        }
        return run.doOnError(context::failed)
                .doOnCancel(context::cancelled);
    }

    /**
     * Runs a request whose answer is a stream. A failure before the first element reaches the client as an HTTP
     * error (see {@code EventStreams}); the stream's own callbacks mark its first token and usage. As for
     * {@link #single}, success is marked when the last event has been written, not when it was produced; once the
     * stream has completed, every event has been handed to the connection, so a client that hangs up before the
     * response's end was still served ({@link RequestContext#answerSent}).
     */
    public <T> Flux<T> stream(RequestContext context, Function<RequestContext, Flux<T>> call) {
        Flux<T> run;
        try {
            Mono<Void> admitted = enter(context, 0);
            run = admitted == GO_ON ? call.apply(context) : admitted.thenMany(Flux.defer(() -> call.apply(context)));
        } catch (RuntimeException refused) {
            run = Flux.error(refused);
        }
        return run.doOnComplete(context::answerSent)
                .doOnError(context::failed)
                .doOnCancel(context::cancelled);
    }

    private Mono<Void> enter(RequestContext context, int from) {
        for (int i = from; i < stages.length; i++) {
            Mono<Void> waiting = stages[i].enter(context);
            if (waiting != GO_ON) {
                int next = i + 1;
                return waiting.then(Mono.defer(() -> enter(context, next)));
            }
        }
        return GO_ON;
    }

    static Outcome outcomeOf(Throwable failure) {
        ErrorClassification error = ErrorClassification.of(failure, 0);
        return new Outcome(error.status(), error.metricTag(), failure);
    }

    static void exit(RequestStage[] stages, RequestContext context, Outcome outcome) {
        for (RequestStage stage : stages) {
            try {
                stage.exit(context, outcome);
            } catch (RuntimeException e) {
                log.warn("Request {}: stage {} failed on exit: {}", context.requestId(),
                        stage.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
