package ai.switchboard.routing.execution;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.api.Recovery;
import ai.switchboard.routing.Deployment;
import ai.switchboard.routing.RoutingTrace;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The attempts of one failover run. A failure before the first element is followed as its error type's
 * {@link Recovery} says:
 * <ul>
 * <li>a client error (400, 413, content filter, unsupported) ends the request: every candidate would refuse it;</li>
 * <li>a context-window overflow moves to the next candidate with a larger window;</li>
 * <li>a 429 or a timeout moves to the next candidate at once, and is retried after backoff (or Retry-After) only
 *     when no other candidate is left;</li>
 * <li>other retriable failures (5xx, connection and stream faults) are retried on the same deployment with backoff,
 *     then move on;</li>
 * <li>deployment faults that no wait fixes (credentials, unknown upstream model, quota) move on at once;</li>
 * <li>an open circuit, or a deployment at its concurrency limit, is skipped without being called.</li>
 * </ul>
 * No attempt starts, and no retry is waited for, once the request's {@link TimeBudget} would run out first.
 */
final class FailoverRun<T> {

    private static final Logger log = LoggerFactory.getLogger(FailoverRun.class);
    private static final String CANCELLED = "cancelled";
    private static final String OTHER_ERROR = "_OTHER";

    private final String operation;
    private final Candidates candidates;
    private final Function<Deployment, Flux<T>> call;
    private final RoutingTrace trace;
    private final FailoverExecutor executor;
    private final TimeBudget budget;
    private final boolean streaming;
    private volatile int calls;
    private volatile ProviderException decisive;
    private volatile ProviderException refused;

    FailoverRun(String operation, Candidates candidates, Function<Deployment, Flux<T>> call, RoutingTrace trace,
            FailoverExecutor executor, TimeBudget budget, boolean streaming) {
        this.operation = operation;
        this.candidates = candidates;
        this.call = call;
        this.trace = trace;
        this.executor = executor;
        this.budget = budget;
        this.streaming = streaming;
    }

    Flux<T> start() {
        return attempt(0, 0);
    }

    /** The error for a request that ran out of time, listing what was tried. */
    RoutingFailedException timedOut() {
        ProviderException timeout = ProviderException.of(ErrorType.TIMEOUT,
                "The request did not complete within " + budget.timeouts().request().toMillis() + " ms");
        return new RoutingFailedException(trace.attempts(), timeout);
    }

    private Flux<T> attempt(int index, int retry) {
        if (index >= candidates.size() || calls >= executor.retrySettings().maxAttempts()) {
            return Flux.error(failed());
        }
        Deployment deployment = candidates.get(index);
        if (!deployment.provider().available()) {
            return skipUnavailable(index, deployment);
        }
        return Flux.defer(() -> {
            long start = System.nanoTime();
            boolean[] started = new boolean[1];
            AttemptOutcome[] outcome = {AttemptOutcome.NOT_CALLED};
            // Observed only once the breaker and bulkhead let the call through: a skipped deployment was not called.
            Flux<T> upstream = Flux.defer(() -> {
                outcome[0] = new AttemptOutcome(executor.observer().start(trace, deployment, operation,
                        trace.attemptCount() + 1));
                return call.apply(deployment);
            });
            AttemptAdmission admission = trace.admission();
            if (admission != null) {
                upstream = admitted(admission, deployment, upstream);
            }
            return upstream
                    .onErrorMap(failure -> FailoverExecutor.classify(deployment, failure))
                    // The bulkhead sits inside the breaker: an open circuit never takes a permit, and a cancelled
                    // call gives its permit back before the breaker records anything, so nothing the breaker does
                    // on the way out can keep a permit from coming back.
                    .transformDeferred(BulkheadOperator.of(executor.guards().bulkhead(deployment)))
                    .transformDeferred(CircuitBreakerOperator.of(executor.guards().circuitBreaker(deployment)))
                    .doOnNext(element -> {
                        outcome[0].element(element);
                        if (!started[0]) {
                            started[0] = true;
                            started(deployment, start);
                        }
                    })
                    .doOnComplete(() -> {
                        executor.latency().recordLatency(deployment.key(), System.nanoTime() - start);
                        outcome[0].succeeded();
                    })
                    .doOnCancel(() -> outcome[0].failed(CANCELLED))
                    .onErrorResume(failure -> {
                        outcome[0].failed(failure instanceof ProviderException p ? p.type().tag() : OTHER_ERROR);
                        return started[0]
                                ? brokenAfterStart(deployment, failure)
                                : recover(index, retry, deployment, failure, start);
                    });
        });
    }

    /**
     * The call once the request's admission agrees, asked when the breaker and the bulkhead have let it through (so an
     * open circuit wastes no allowance); a refusal is ignored by the breaker, and skips the deployment.
     */
    private static <T> Flux<T> admitted(AttemptAdmission admission, Deployment deployment, Flux<T> call) {
        return Flux.defer(() -> {
            Mono<Void> admitted = admission.admit(deployment);
            return admitted == null ? call : admitted.thenMany(call);
        });
    }

    private void started(Deployment deployment, long start) {
        long elapsed = System.nanoTime() - start;
        if (streaming) {
            executor.latency().recordFirstToken(deployment.key(), elapsed);
        }
        trace.attempt(new Attempt(deployment.modelName(), deployment.providerName(), Attempt.OK, null,
                elapsed / 1_000_000));
        trace.served(deployment);
    }

    private Flux<T> brokenAfterStart(Deployment deployment, Throwable failure) {
        log.debug("Request {}: stream from {} broke after its first chunk ({}); not retried", trace.requestId(),
                deployment.key(), failure instanceof ProviderException p ? p.type().tag() : failure.toString());
        return Flux.error(failure);
    }

    private Flux<T> recover(int index, int retry, Deployment deployment, Throwable failure, long start) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (failure instanceof CallNotPermittedException || failure instanceof BulkheadFullException
                || failure instanceof AttemptRefusedException) {
            String outcome = Attempt.CIRCUIT_OPEN;
            if (failure instanceof BulkheadFullException) {
                refused = executor.guards().concurrencyLimits().refused(deployment);
                outcome = refused.type().tag();
            } else if (failure instanceof AttemptRefusedException limited) {
                refused = limited;
                outcome = limited.type().tag();
            }
            trace.attempt(new Attempt(deployment.modelName(), deployment.providerName(), outcome, null, millis));
            log.debug("Request {}: skipped {} ({})", trace.requestId(), deployment.key(), outcome);
            return attempt(index + 1, 0);
        }
        ProviderException error = failure instanceof ProviderException p ? p
                : FailoverExecutor.classify(deployment, failure);
        calls++;
        decisive = error;
        trace.attempt(new Attempt(deployment.modelName(), deployment.providerName(), error.type().tag(),
                error.upstreamStatus(), millis));
        Flux<T> next = switch (error.type().recovery()) {
            case END -> Flux.error(failed());
            case LARGER_CONTEXT_WINDOW -> moveOn(nextLargerWindow(index, deployment.contextWindow()), error);
            case NEXT_CANDIDATE -> moveOn(index + 1, error);
            case NEXT_CANDIDATE_THEN_RETRY -> index + 1 < candidates.size() || candidates.othersFollow()
                    ? moveOn(index + 1, error)
                    : retryOrNext(index, retry, deployment, error);
            case RETRY_THEN_NEXT_CANDIDATE -> retryOrNext(index, retry, deployment, error);
        };
        log.debug("Request {}: attempt at {} failed with {} (status {})", trace.requestId(), deployment.key(),
                error.type().tag(), error.upstreamStatus());
        return next;
    }

    /** A provider whose secrets could not be decrypted is never called; the error says why, not with what. */
    private Flux<T> skipUnavailable(int index, Deployment deployment) {
        trace.attempt(new Attempt(deployment.modelName(), deployment.providerName(), Attempt.PROVIDER_UNAVAILABLE,
                null, 0));
        decisive = new ProviderException(ErrorType.UPSTREAM_UNAVAILABLE, 503, "Provider '"
                + deployment.providerName() + "' is unavailable: its stored credentials cannot be decrypted with "
                + "this gateway's master key; an administrator must set them again", null, "provider_unavailable",
                null, null);
        return attempt(index + 1, 0);
    }

    private Flux<T> retryOrNext(int index, int retry, Deployment deployment, ProviderException error) {
        Backoff backoff = executor.backoff();
        if (retry < executor.retrySettings().maxRetries() && backoff.honours(error.retryAfter())
                && calls < executor.retrySettings().maxAttempts()) {
            Duration wait = backoff.delay(retry, error.retryAfter());
            // A retry that could not start before the request runs out is not waited for.
            if (wait.compareTo(budget.remaining(executor.now())) < 0) {
                executor.observer().retry(trace, deployment, error.type().tag());
                return executor.delay(wait).thenMany(attempt(index, retry + 1));
            }
        }
        return moveOn(index + 1, error);
    }

    /** Continues with candidate {@code next}, counting it as a fallback when there is one to fall back to. */
    private Flux<T> moveOn(int next, ProviderException cause) {
        if (next < candidates.size() && calls < executor.retrySettings().maxAttempts()) {
            executor.observer().fallback(trace, cause.type().tag());
        }
        return attempt(next, 0);
    }

    /** The next candidate whose context window is larger than {@code window}; unknown windows are worth a try. */
    private int nextLargerWindow(int index, Integer window) {
        for (int i = index + 1; i < candidates.size(); i++) {
            Integer candidate = candidates.get(i).contextWindow();
            if (window == null || candidate == null || candidate > window) {
                return i;
            }
        }
        return candidates.size();
    }

    /**
     * The request's failure: decided by the last call that failed; when nothing was called, by a concurrency limit
     * that turned a call away (worth retrying soon), else every circuit was open.
     */
    private RuntimeException failed() {
        ProviderException last = decisive != null ? decisive : refused;
        if (last == null) {
            last = new ProviderException(ErrorType.UPSTREAM_UNAVAILABLE, 503,
                    "No healthy deployment is available for this request", null, "no_healthy_deployment", null, null);
        }
        return new RoutingFailedException(trace.attempts(), last);
    }
}
