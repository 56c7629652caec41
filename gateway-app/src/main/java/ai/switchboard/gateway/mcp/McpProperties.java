package ai.switchboard.gateway.mcp;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's MCP client and endpoint.
 *
 * @param allowedCidrs private or special address blocks (loopback, RFC 1918, link-local, ...) the gateway may reach
 *     MCP servers in; empty by default, so a registered URL may name public addresses only. Cloud metadata
 *     endpoints stay refused unless a block names exactly that address, as for the http tool.
 */
@Validated
@ConfigurationProperties(McpProperties.PREFIX)
public record McpProperties(List<String> allowedCidrs) {

    public static final String PREFIX = "switchboard.mcp";

    public McpProperties {
        allowedCidrs = allowedCidrs == null ? List.of() : List.copyOf(allowedCidrs);
    }
}
