package ai.switchboard.gateway.auth;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.gateway.request.RequestIdFilter;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.key.ApiKeyHasher;
import ai.switchboard.registry.key.LastUsedRecorder;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import java.time.Clock;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Authenticates {@code /v1} and {@code /admin} calls against the in-memory key table. The lookup touches only the
 * current snapshot, so a database outage never turns a valid key into a 401, and an unknown key always fails closed.
 */
@Component
public class ApiKeyAuthenticationFilter implements WebFilter, Ordered {

    private static final String BEARER = "Bearer ";

    private final RegistrySnapshotManager snapshots;
    private final AuthErrorWriter errors;
    private final Clock clock;
    private final LastUsedRecorder lastUsed;

    public ApiKeyAuthenticationFilter(RegistrySnapshotManager snapshots, AuthErrorWriter errors, Clock clock,
            LastUsedRecorder lastUsed) {
        this.snapshots = snapshots;
        this.errors = errors;
        this.clock = clock;
        this.lastUsed = lastUsed;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        KeyScope required = requiredScope(path);
        if (required == null) {
            return chain.filter(exchange);
        }
        ApiKeyRecord key = lookup(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        if (key == null || !key.activeAt(clock.instant())) {
            return errors.write(exchange, ApiException.unauthorized(key == null
                    ? "Incorrect or missing API key. Send it as 'Authorization: Bearer <key>'."
                    : "This API key has been revoked or has expired."));
        }
        if (!key.hasScope(required)) {
            return errors.write(exchange, ApiException.forbidden(
                    "This API key lacks the '" + required.wireName() + "' scope."));
        }
        lastUsed.touch(key.id());
        exchange.getAttributes().put(AuthenticatedCaller.ATTRIBUTE, new AuthenticatedCaller(key));
        return chain.filter(exchange);
    }

    private ApiKeyRecord lookup(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String secret = authorization.substring(BEARER.length()).trim();
        if (secret.isEmpty()) {
            return null;
        }
        return snapshots.current().keyByHash(ApiKeyHasher.hash(secret));
    }

    private static KeyScope requiredScope(String path) {
        if (path.startsWith("/v1/") || path.equals("/v1")) {
            return KeyScope.INFERENCE;
        }
        if (path.startsWith("/admin/") || path.equals("/admin")) {
            return KeyScope.ADMIN;
        }
        return null;
    }

    @Override
    public int getOrder() {
        return RequestIdFilter.ORDER + 10;
    }
}
