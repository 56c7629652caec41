package ai.switchboard.gateway.mcp;

import ai.switchboard.observability.usage.BatchingUsageRecorder;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import ai.switchboard.tools.mcp.McpClientManager;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps the MCP client's servers exactly the registry's: applied when the gateway starts and on every new snapshot
 * (an admin write here, or a change another replica made). On shutdown it closes every connection, telling HTTP
 * servers the session ended and letting stdio programs exit, after the server drain (the last tool calls have
 * finished) and before the usage ledger's flush.
 */
final class McpServerSync implements SmartLifecycle {

    /** Stops after the drain's end and before budgets, rate limits and the usage ledger. */
    static final int PHASE = BatchingUsageRecorder.PHASE + 2;

    private static final Logger log = LoggerFactory.getLogger(McpServerSync.class);
    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(10);

    private final McpClientManager manager;
    private final RegistrySnapshotManager snapshots;
    private volatile boolean running;
    private volatile boolean listening;

    McpServerSync(McpClientManager manager, RegistrySnapshotManager snapshots) {
        this.manager = manager;
        this.snapshots = snapshots;
    }

    @Override
    public synchronized void start() {
        if (!listening) {
            snapshots.onSwap(this::apply);
            listening = true;
        }
        running = true;
        apply(snapshots.current());
    }

    private synchronized void apply(RegistrySnapshot snapshot) {
        if (running) {
            manager.apply(McpServerConfigs.of(snapshot.mcpServers()));
        }
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            manager.disconnectAll().block(CLOSE_WITHIN);
        } catch (RuntimeException e) {
            log.warn("Closing the MCP connections failed: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
