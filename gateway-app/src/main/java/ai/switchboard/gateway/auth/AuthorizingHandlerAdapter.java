package ai.switchboard.gateway.auth;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.gateway.request.ApiShape;
import ai.switchboard.registry.ApiKeyRecord;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.HandlerAdapter;
import org.springframework.web.reactive.HandlerResult;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Authorises every request against the access its handler declares, after routing chose the handler and before it
 * runs: the path that was authorised is, by construction, the path that is served, however it was spelled. Spring's
 * dispatcher hands each resolved handler to the first adapter that supports it; this one comes first, supports every
 * handler, checks it and passes it on to the adapter that would otherwise have run it.
 *
 * <p>Deny by default: a handler that declares no access ({@link HandlerAccessResolver} gives none) is not served,
 * but fails with a 500 that names it. A handler that needs scopes gets the caller as {@link AuthenticatedCaller}.
 * The key comes as {@code Authorization: Bearer}; where the access says so ({@link HandlerAccess#apiKeyHeader()}),
 * in {@code x-api-key} when no {@code Authorization} is sent.
 */
@Component
class AuthorizingHandlerAdapter implements HandlerAdapter, Ordered, SmartInitializingSingleton {

    private final HandlerAccessResolver accessResolver;
    private final ApiKeyAuthenticator authenticator;
    private final ObjectProvider<HandlerAdapter> adapters;
    private final DeniedCalls denied;
    private List<HandlerAdapter> delegates = List.of();

    AuthorizingHandlerAdapter(HandlerAccessResolver accessResolver, ApiKeyAuthenticator authenticator,
            ObjectProvider<HandlerAdapter> adapters, DeniedCalls denied) {
        this.accessResolver = accessResolver;
        this.authenticator = authenticator;
        this.adapters = adapters;
        this.denied = denied;
    }

    @Override
    public void afterSingletonsInstantiated() {
        delegates = adapters.orderedStream().filter(adapter -> adapter != this).toList();
    }

    @Override
    public boolean supports(Object handler) {
        return true;
    }

    @Override
    public Mono<HandlerResult> handle(ServerWebExchange exchange, Object handler) {
        if (handler instanceof ScopedHandlerFunction scoped && scoped.errorShape() != null) {
            // Before the caller is checked, so that a refusal is already answered in the route's own shape.
            exchange.getAttributes().put(ApiShape.ATTRIBUTE, scoped.errorShape());
        }
        HandlerAccess access = accessResolver.of(handler);
        if (access == null) {
            return Mono.error(new IllegalStateException("Refused to run " + handler + ": it declares no access. "
                    + "Declare it with @RequiredScope or a ScopedHandlerFunction."));
        }
        if (!access.isPublic()) {
            ApiKeyRecord key;
            try {
                HttpHeaders headers = exchange.getRequest().getHeaders();
                key = access.apiKeyHeader()
                        ? authenticator.authenticate(headers.getFirst(HttpHeaders.AUTHORIZATION),
                                headers.getFirst(ApiKeyAuthenticator.API_KEY_HEADER))
                        : authenticator.authenticate(headers.getFirst(HttpHeaders.AUTHORIZATION));
            } catch (ApiException unauthenticated) {
                exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                denied.denied(exchange, null, 401, unauthenticated.getMessage());
                return Mono.error(unauthenticated);
            }
            if (!access.allows(key)) {
                String reason = "This API key lacks the " + access.describe() + " scope.";
                denied.denied(exchange, key, 403, reason);
                return Mono.error(ApiException.forbidden(reason));
            }
            exchange.getAttributes().put(AuthenticatedCaller.ATTRIBUTE, new AuthenticatedCaller(key));
        }
        for (HandlerAdapter delegate : delegates) {
            if (delegate.supports(handler)) {
                return delegate.handle(exchange, handler);
            }
        }
        return Mono.error(new IllegalStateException("No HandlerAdapter for " + handler));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
