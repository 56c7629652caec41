package ai.switchboard.tools.mcp;

import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import java.net.http.HttpRequest;

/** Builds the transport a configuration asks for; a new one for every connection attempt. */
final class McpTransports {

    private McpTransports() {
    }

    static McpClientTransport create(McpServerConfig config, McpJsonMapper jsonMapper, McpClientSettings settings) {
        return switch (config.transport()) {
            case STREAMABLE_HTTP -> streamableHttp(config, jsonMapper, settings);
            case STDIO -> new StdioProcessTransport(config, jsonMapper, settings);
        };
    }

    /**
     * The SDK's Streamable HTTP transport on the JDK HttpClient, which never blocks the caller on I/O. The configured
     * URL is both base and endpoint, so its path and query are used exactly as registered. With an address guard, every
     * request goes to an address the guard checked ({@link McpPinningProxySelector}).
     */
    private static McpClientTransport streamableHttp(McpServerConfig config, McpJsonMapper jsonMapper,
            McpClientSettings settings) {
        HttpRequest.Builder request = HttpRequest.newBuilder();
        config.headers().forEach(request::header);
        if (config.bearerToken() != null) {
            request.header("Authorization", "Bearer " + config.bearerToken());
        }
        String url = config.url().toString();
        var transport = HttpClientStreamableHttpTransport.builder(url)
                .endpoint(url)
                .jsonMapper(jsonMapper)
                .requestBuilder(request)
                .connectTimeout(config.connectTimeout())
                .maxResponseSize(settings.maxMessageBytes());
        if (settings.addressGuard() != null) {
            transport.customizeClient(client -> client.proxy(new McpPinningProxySelector(settings.addressGuard())));
        }
        return transport.build();
    }
}
