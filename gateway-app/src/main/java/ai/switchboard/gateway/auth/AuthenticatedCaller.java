package ai.switchboard.gateway.auth;

import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.key.KeyGrantor;
import java.util.Objects;
import org.springframework.web.server.ServerWebExchange;

/**
 * The API key a request was authenticated with. {@link AuthorizingHandlerAdapter} stores it as an exchange
 * attribute before a handler that needs a scope runs; handlers read it with {@link #of(ServerWebExchange)}.
 */
public record AuthenticatedCaller(ApiKeyRecord key) {

    static final String ATTRIBUTE = AuthenticatedCaller.class.getName();

    public AuthenticatedCaller {
        Objects.requireNonNull(key, "key");
    }

    /** The caller of an authenticated exchange; fails if the handler was not authorised with a key. */
    public static AuthenticatedCaller of(ServerWebExchange exchange) {
        AuthenticatedCaller caller = exchange.getAttribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("Exchange was not authenticated");
        }
        return caller;
    }

    /** The caller of an exchange, or {@code null} when it was not authenticated. */
    public static AuthenticatedCaller find(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    /** The caller as the registry's admin services see it: what it holds, its team and its own key. */
    public KeyGrantor grantor() {
        return KeyGrantor.of(actor(), key);
    }

    /** A name for audit records that identifies the key without revealing it. */
    public String actor() {
        return key.name() + " (" + key.prefix() + ")";
    }
}
