package ai.switchboard.gateway.auth;

import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.audit.AuditTrail;
import ai.switchboard.registry.audit.DeniedAdminCall;
import ai.switchboard.registry.config.RegistrySchedulerConfiguration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.scheduler.Scheduler;

/**
 * Writes a row to the audit trail for every refused admin call (401 or 403), off the event loop: the refusal is
 * queued and a drain on the registry scheduler writes queued rows in batches. The queue is bounded, so a flood of bad
 * calls costs memory and database writes in proportion; rows that do not fit are counted
 * ({@value #DROPPED_METER}) rather than held. Refusals under {@code /admin/} and on {@code /mcp} (a refused
 * {@code tools/call} among them) are audited; others are in the access log and metrics only.
 */
@Component
class AuditedDeniedAdminCalls implements DeniedCalls {

    static final String DROPPED_METER = "switchboard.audit.denied.dropped";

    private static final Logger log = LoggerFactory.getLogger(AuditedDeniedAdminCalls.class);
    private static final int CAPACITY = 4096;
    private static final int BATCH = 256;

    private final ArrayBlockingQueue<DeniedAdminCall> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AuditTrail audit;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Counter dropped;

    AuditedDeniedAdminCalls(AuditTrail audit,
            @Qualifier(RegistrySchedulerConfiguration.REGISTRY_SCHEDULER) Scheduler scheduler, Clock clock,
            MeterRegistry meters) {
        this.audit = audit;
        this.scheduler = scheduler;
        this.clock = clock;
        this.dropped = Counter.builder(DROPPED_METER)
                .description("Refused admin calls whose audit row was not written (queue full or database error)")
                .register(meters);
    }

    @Override
    public void denied(ServerWebExchange exchange, ApiKeyRecord key, int status, String reason) {
        String path = exchange.getRequest().getPath().value();
        if (!path.startsWith("/admin/") && !path.equals("/mcp")) {
            return;
        }
        DeniedAdminCall call = new DeniedAdminCall(clock.instant(),
                key == null ? "anonymous" : new AuthenticatedCaller(key).actor(), key == null ? null : key.id(),
                key == null ? null : key.teamId(), clientAddress(exchange), exchange.getRequest().getMethod().name(),
                path, status, reason);
        if (!queue.offer(call)) {
            dropped.increment();
            return;
        }
        drainSoon();
    }

    private void drainSoon() {
        if (draining.compareAndSet(false, true)) {
            scheduler.schedule(this::drain);
        }
    }

    private void drain() {
        try {
            List<DeniedAdminCall> batch = new ArrayList<>(BATCH);
            while (queue.drainTo(batch, BATCH) > 0) {
                try {
                    audit.recordDenied(batch);
                } catch (DataAccessException e) {
                    dropped.increment(batch.size());
                    log.warn("Could not audit {} refused admin call(s): {}", batch.size(), e.getMessage());
                }
                batch.clear();
            }
        } finally {
            draining.set(false);
            if (!queue.isEmpty()) {
                drainSoon();
            }
        }
    }

    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return null;
        }
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }
}
