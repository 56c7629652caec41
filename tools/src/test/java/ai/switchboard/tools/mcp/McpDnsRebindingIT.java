package ai.switchboard.tools.mcp;

import static ai.switchboard.tools.mcp.McpTestServers.PATIENCE;
import static ai.switchboard.tools.mcp.McpTestServers.awaitState;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.tools.http.AddressPolicy;
import ai.switchboard.tools.http.Cidr;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The whole MCP client over Streamable HTTP against server-everything, reached by a name only a resolver stub knows:
 * the calls go to the address the guard checked (the name is in no DNS), and once the name answers a refused address
 * the next call is refused before anything reaches a server.
 */
class McpDnsRebindingIT {

    private static final String NAME = "everything.rebind.test";

    @Test
    void callsGoToTheCheckedAddressAndStopWhenTheNameRebinds() throws Exception {
        AtomicReference<String> answer = new AtomicReference<>("127.0.0.1");
        McpAddressGuard guard = new McpAddressGuard(new AddressPolicy(List.of(Cidr.parse("127.0.0.0/8"))),
                host -> {
                    if (!host.equals(NAME)) {
                        throw new java.net.UnknownHostException(host);
                    }
                    return new InetAddress[] {InetAddress.getByAddress(host,
                            InetAddress.getByName(answer.get()).getAddress())};
                });
        try (EverythingHttpServer server = EverythingHttpServer.start()) {
            URI url = URI.create("http://" + NAME + ":" + server.url().getPort() + "/mcp");
            McpClientManager manager = new McpClientManager(McpClientSettings.defaults().withAddressGuard(guard),
                    new SimpleMeterRegistry());
            try {
                manager.apply(List.of(McpServerConfig.streamableHttp("pinned", url).build()));
                McpServerConnection connection = manager.connection("pinned").orElseThrow();
                awaitState(connection, McpServerState.READY);
                assertThat(echo(connection)).isInstanceOfSatisfying(McpCallOutcome.Completed.class, completed ->
                        assertThat(((McpSchema.TextContent) completed.result().content().get(0)).text())
                                .isEqualTo("Echo: pinned"));

                answer.set("10.0.0.7");
                int before = server.postsReceived();

                assertThat(echo(connection)).isInstanceOfSatisfying(McpCallOutcome.Failed.class, failed ->
                        assertThat(failed.message()).contains("10.0.0.7"));
                assertThat(server.postsReceived()).as("no request reached a server").isEqualTo(before);
            } finally {
                manager.closeGracefully().block(PATIENCE);
            }
        }
    }

    private static McpCallOutcome echo(McpServerConnection connection) {
        return connection.callTool("echo", Map.of("message", "pinned")).block(PATIENCE);
    }
}
