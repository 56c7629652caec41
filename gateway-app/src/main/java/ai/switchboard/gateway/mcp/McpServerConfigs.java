package ai.switchboard.gateway.mcp;

import ai.switchboard.registry.McpServerDefinition;
import ai.switchboard.tools.mcp.McpServerConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns the registry's MCP servers into the client's configurations. */
final class McpServerConfigs {

    private static final Logger log = LoggerFactory.getLogger(McpServerConfigs.class);

    private McpServerConfigs() {
    }

    /**
     * One configuration per server; a server whose secrets cannot be decrypted is kept but disabled (its health
     * then says so), and one whose stored definition no longer validates is left out with a warning.
     */
    static List<McpServerConfig> of(Collection<McpServerDefinition> servers) {
        List<McpServerConfig> configs = new ArrayList<>();
        for (McpServerDefinition server : servers) {
            try {
                configs.add(of(server));
            } catch (IllegalArgumentException e) {
                log.warn("MCP server '{}' is left out: {}", server.name(), e.getMessage());
            }
        }
        return configs;
    }

    static McpServerConfig of(McpServerDefinition server) {
        McpServerConfig.Builder builder = "stdio".equals(server.transport())
                ? McpServerConfig.stdio(server.name(), server.command(), server.args())
                : McpServerConfig.streamableHttp(server.name(), URI.create(server.url()));
        server.secrets().headers().forEach(builder::header);
        if (server.secrets().bearerToken() != null) {
            builder.bearerToken(server.secrets().bearerToken());
        }
        server.secrets().env().forEach(builder::env);
        return builder.connectTimeout(server.connectTimeout()).callTimeout(server.callTimeout())
                .enabled(server.usable()).build();
    }
}
