package ai.switchboard.gateway.netty;

/**
 * Makes Netty's pooled buffer allocator the default, before any Netty class reads the setting.
 *
 * <p>Netty 4.2 defaults to its adaptive allocator, which gives chunks back when they empty out. On JDK 25 Netty
 * frees direct memory by closing a shared {@code Arena}, and every such close makes the JVM handshake with all of its
 * threads. Streaming traffic empties chunks constantly: in the bench profile (streams at concurrency 32) chunk
 * releases and the handshakes they caused took about 9% of the gateway's CPU and stalled the event loops while they
 * ran. The pooled allocator keeps its chunks, so none of that happens; it was Netty 4.1's default for years.
 * An operator's own {@code -Dio.netty.allocator.type=...} wins.
 */
public final class NettyAllocatorDefault {

    public static final String PROPERTY = "io.netty.allocator.type";
    public static final String POOLED = "pooled";

    private NettyAllocatorDefault() {
    }

    /** Sets {@value #PROPERTY} to {@value #POOLED} unless it is already set; call first thing in {@code main}. */
    public static void apply() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, POOLED);
        }
    }
}
