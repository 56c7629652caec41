package ai.switchboard.tools.mcp;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Meters of one upstream server. Server names are admin-defined and few, so they are fine as tags. The meters read
 * the server's health through a supplier, so they outlive a reconnection or a change of configuration, and are
 * removed when the server is.
 */
final class McpClientMetrics {

    /** 1 for the server's current state, 0 for the others (one series per state, the usual state-set form). */
    static final String SERVER_STATE = "switchboard.mcp.server.state";
    /** How many of the server's tools are offered now. */
    static final String SERVER_TOOLS = "switchboard.mcp.server.tools";
    /** Consecutive failed connection attempts; 0 while the server is ready. */
    static final String SERVER_FAILURES = "switchboard.mcp.server.consecutive.failures";
    static final String SERVER_TAG = "server";
    static final String STATE_TAG = "state";

    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    McpClientMetrics(MeterRegistry registry, String server, Supplier<McpServerHealth> health) {
        this.registry = registry;
        for (McpServerState state : McpServerState.values()) {
            meters.add(Gauge.builder(SERVER_STATE, health, h -> h.get().state() == state ? 1 : 0)
                    .description("Whether the MCP server's connection is in this state")
                    .tag(SERVER_TAG, server)
                    .tag(STATE_TAG, state.wireName())
                    .strongReference(true)
                    .register(registry));
        }
        meters.add(Gauge.builder(SERVER_TOOLS, health, h -> h.get().toolCount())
                .description("Tools of the MCP server offered to models")
                .tag(SERVER_TAG, server)
                .strongReference(true)
                .register(registry));
        meters.add(Gauge.builder(SERVER_FAILURES, health, h -> h.get().consecutiveFailures())
                .description("Failed connection attempts to the MCP server since it was last ready")
                .tag(SERVER_TAG, server)
                .strongReference(true)
                .register(registry));
    }

    void remove() {
        meters.forEach(registry::remove);
    }
}
