package ai.switchboard.gateway.admin;

import ai.switchboard.gateway.auth.AuthenticatedCaller;
import ai.switchboard.registry.audit.AuditOrigin;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Runs blocking registry work (JPA) on the registry scheduler, never on a Netty event-loop thread, as the admin
 * call's {@link AuditOrigin}: the audit rows it writes name the calling key, its team and the client's address.
 */
final class RegistryCalls {

    private final Scheduler scheduler;

    RegistryCalls(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    <T> Mono<T> blocking(Callable<T> call) {
        return Mono.deferContextual(context -> {
            AuditOrigin origin = ServerWebExchangeContextFilter.getExchange(context).map(RegistryCalls::originOf)
                    .orElse(AuditOrigin.SYSTEM);
            return Mono.fromCallable(() -> AuditOrigin.callAs(origin, call)).subscribeOn(scheduler);
        });
    }

    static AuditOrigin originOf(ServerWebExchange exchange) {
        AuthenticatedCaller caller = AuthenticatedCaller.find(exchange);
        return new AuditOrigin(caller == null ? null : caller.key().id(), caller == null ? null : caller.key().teamId(),
                clientAddress(exchange));
    }

    static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return null;
        }
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }
}
