package ai.switchboard.registry.audit;

import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Where an admin change comes from: the caller's key, its team and the client's address. The admin API runs each
 * blocking registry call inside {@link #callAs}, on the registry's own threads, so that every audit row written by
 * that call names its origin without every service signature carrying it.
 *
 * @param actorKeyId the calling key's id, or {@code null} for the gateway itself (bootstrap, the declarative file)
 * @param teamId the calling key's team, or {@code null}
 * @param clientAddress the client's IP address as the server saw it, or {@code null}
 */
public record AuditOrigin(UUID actorKeyId, UUID teamId, String clientAddress) {

    /** The gateway itself. */
    public static final AuditOrigin SYSTEM = new AuditOrigin(null, null, null);

    private static final ThreadLocal<AuditOrigin> CURRENT = new ThreadLocal<>();

    /** Runs {@code call} with {@code origin} as the origin of every change it records. */
    public static <T> T callAs(AuditOrigin origin, Callable<T> call) throws Exception {
        AuditOrigin previous = CURRENT.get();
        CURRENT.set(origin);
        try {
            return call.call();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** The origin of the running call, {@link #SYSTEM} outside one. */
    public static AuditOrigin current() {
        AuditOrigin origin = CURRENT.get();
        return origin == null ? SYSTEM : origin;
    }
}
