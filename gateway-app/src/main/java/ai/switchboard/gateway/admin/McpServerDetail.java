package ai.switchboard.gateway.admin;

import ai.switchboard.registry.mcp.McpServerView;
import ai.switchboard.tools.mcp.McpServerHealth;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One MCP server with this replica's connection to it, as {@code GET /admin/v1/mcp-servers/{id}} shows it.
 *
 * @param health the connection's state, or {@code null} when this replica has not picked the server up yet
 */
record McpServerDetail(@JsonUnwrapped McpServerView server, Health health) {

    static McpServerDetail of(McpServerView server, McpServerHealth health) {
        return new McpServerDetail(server, health == null ? null : new Health(health.state().wireName(),
                health.toolCount(), health.readySince(), health.lastError(), health.lastErrorAt(), health.retryAt(),
                health.consecutiveFailures()));
    }

    /** {@link McpServerHealth} in the admin API's spelling. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Health(String state, int toolCount, Instant readySince, String lastError, Instant lastErrorAt,
            Instant retryAt, int consecutiveFailures) {
    }
}
