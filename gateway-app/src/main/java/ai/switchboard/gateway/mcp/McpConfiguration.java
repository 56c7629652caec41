package ai.switchboard.gateway.mcp;

import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import ai.switchboard.tools.http.AddressPolicy;
import ai.switchboard.tools.http.Cidr;
import ai.switchboard.tools.mcp.McpAddressGuard;
import ai.switchboard.tools.mcp.McpClientManager;
import ai.switchboard.tools.mcp.McpClientSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The MCP client: one connection per registered server, kept in step with the registry. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(McpProperties.class)
class McpConfiguration {

    @Bean
    McpAddressGuard mcpAddressGuard(McpProperties properties) {
        return new McpAddressGuard(new AddressPolicy(properties.allowedCidrs().stream().map(Cidr::parse).toList()));
    }

    /** Closed by {@link McpServerSync} in the ordered shutdown; {@code close} here only backs that up. */
    @Bean(destroyMethod = "close")
    McpClientManager mcpClientManager(McpAddressGuard guard, MeterRegistry meters) {
        return new McpClientManager(McpClientSettings.defaults().withAddressGuard(guard), meters);
    }

    @Bean
    McpServerSync mcpServerSync(McpClientManager manager, RegistrySnapshotManager snapshots) {
        return new McpServerSync(manager, snapshots);
    }
}
