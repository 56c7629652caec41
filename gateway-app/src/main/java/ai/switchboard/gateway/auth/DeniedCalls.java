package ai.switchboard.gateway.auth;

import ai.switchboard.registry.ApiKeyRecord;
import org.springframework.web.server.ServerWebExchange;

/** Told of every call the gateway refuses before its handler runs. Must not block. */
@FunctionalInterface
public interface DeniedCalls {

    /**
     * @param key the presented key when it was recognised (a 403), else {@code null}
     * @param status 401 or 403
     */
    void denied(ServerWebExchange exchange, ApiKeyRecord key, int status, String reason);
}
