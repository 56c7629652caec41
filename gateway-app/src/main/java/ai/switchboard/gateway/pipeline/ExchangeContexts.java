package ai.switchboard.gateway.pipeline;

import ai.switchboard.gateway.api.support.GatewayHeaders;
import ai.switchboard.gateway.auth.AuthenticatedCaller;
import ai.switchboard.gateway.cache.CacheDirective;
import ai.switchboard.gateway.observation.RequestSpans;
import ai.switchboard.gateway.request.RequestIds;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Opens the pipeline context of an HTTP request: its id, the key it was authorised with (the authorising handler
 * adapter has already checked the route's scope), its server span and the caller's routing hints. The context is
 * tied to the exchange, which ends it once the answer is written ({@link AnswerDelivery}).
 */
@Component
public class ExchangeContexts {

    private final RequestPipeline pipeline;

    public ExchangeContexts(RequestPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** A context for {@code api}, started now. */
    public RequestContext open(ServerRequest request, Api api) {
        RequestContext context = pipeline.open(RequestIds.of(request.exchange()), api,
                AuthenticatedCaller.of(request.exchange()).key(), RequestSpans.of(request.exchange()),
                tags(request.headers().firstHeader(GatewayHeaders.TAGS)),
                "true".equalsIgnoreCase(request.headers().firstHeader(GatewayHeaders.DEBUG)));
        context.responseHeaders(request.exchange().getResponse().getHeaders());
        context.cacheDirective(CacheDirective.of(request.exchange().getRequest().getHeaders()));
        AnswerDelivery.attach(request.exchange(), context);
        return context;
    }

    private static Set<String> tags(String header) {
        if (header == null || header.isBlank()) {
            return Set.of();
        }
        Set<String> tags = new HashSet<>();
        for (String tag : header.split(",")) {
            if (!tag.isBlank()) {
                tags.add(tag.strip());
            }
        }
        return tags;
    }
}
