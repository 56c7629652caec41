package ai.switchboard.gateway.pipeline;

import ai.switchboard.gateway.request.RequestIdFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Ends a request's context when its exchange ends, which is when the answer has been written (or could not be):
 * the pipeline ends a context early only on a failure or a cancel, so a request counts as served only once the
 * client was sent its answer. A connection that closes between the answer and its write (a listener closing during
 * shutdown, a client giving up) leaves a row that says 499, not 200 for an answer nobody received; a stream whose
 * whole answer had been handed to the connection when it closed was served ({@link RequestContext#answerSent}).
 *
 * <p>Runs inside the drain filter, so a draining gateway waits for the row as well as the answer.
 */
@Component
public class AnswerDelivery implements WebFilter, Ordered {

    /** Inside the drain filter and the path firewall; the handler opens the context later in the chain. */
    public static final int ORDER = RequestIdFilter.ORDER + 3;

    private static final String ATTRIBUTE = RequestContext.class.getName();

    /** Ties {@code context} to the exchange it answers; done once, when the handler opens it. */
    static void attach(ServerWebExchange exchange, RequestContext context) {
        exchange.getAttributes().put(ATTRIBUTE, context);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange)
                .doOnError(failure -> undelivered(exchange, failure))
                .doFinally(signal -> {
                    if (signal != SignalType.ON_ERROR) {
                        ended(exchange, signal);
                    }
                });
    }

    private static void ended(ServerWebExchange exchange, SignalType signal) {
        RequestContext context = exchange.getAttribute(ATTRIBUTE);
        if (context == null) {
            return;
        }
        if (signal == SignalType.ON_COMPLETE) {
            context.succeeded();
        } else {
            context.cancelled();
        }
    }

    /**
     * A failure that reaches here after the handler answered is the write's own: once the status line is out it can
     * only mean the connection is gone; before that, the answer could not be serialised, a server error.
     */
    private static void undelivered(ServerWebExchange exchange, Throwable failure) {
        RequestContext context = exchange.getAttribute(ATTRIBUTE);
        if (context == null) {
            return;
        }
        if (exchange.getResponse().isCommitted()) {
            context.cancelled();
        } else {
            context.failed(failure);
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
