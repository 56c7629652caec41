package ai.switchboard.gateway.netty;

/**
 * JVM-wide Netty and Reactor Netty settings the gateway needs, set before any Netty class reads them (they are read
 * once, into static constants). An operator's own {@code -D...} wins for each.
 *
 * <p><b>Pooled allocator.</b> Netty 4.2 defaults to its adaptive allocator, which gives chunks back when they empty
 * out. On JDK 25 Netty frees direct memory by closing a shared {@code Arena}, and every such close makes the JVM
 * handshake with all of its threads. Streaming traffic empties chunks constantly: in the bench profile (streams at
 * concurrency 32) chunk releases and the handshakes they caused took about 9% of the gateway's CPU and stalled the
 * event loops while they ran. The pooled allocator keeps its chunks, so none of that happens; it was Netty 4.1's
 * default for years.
 *
 * <p><b>Last flush when nothing is left to read.</b> Reactor Netty 1.3.7 can stop reading a keep-alive connection for
 * good: when a client sends its next request before the server has finished terminating the previous one (a response
 * written from another thread, such as an admin call answered from the registry scheduler, ends that way), the request
 * is queued, and draining the queue can end without re-arming the read (reactor/reactor-netty#4361, fixed after
 * 1.3.7). The client then waits until its own timeout. With this setting the previous request is terminated before the
 * next one is read, so it is dispatched at once instead of queued. Remove it once the Reactor Netty in the Spring Boot
 * BOM has the fix.
 */
public final class NettyDefaults {

    public static final String ALLOCATOR = "io.netty.allocator.type";
    public static final String POOLED = "pooled";
    public static final String LAST_FLUSH_WHEN_NO_READ = "reactor.netty.http.server.lastFlushWhenNoRead";

    private NettyDefaults() {
    }

    /** Sets each default unless it is already set; idempotent, and cheap enough to call more than once. */
    public static void apply() {
        setUnlessSet(ALLOCATOR, POOLED);
        setUnlessSet(LAST_FLUSH_WHEN_NO_READ, "true");
    }

    private static void setUnlessSet(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
