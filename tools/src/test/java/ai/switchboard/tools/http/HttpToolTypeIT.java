package ai.switchboard.tools.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.json.WireJson;
import ai.switchboard.tools.Tool;
import ai.switchboard.tools.ToolDefinition;
import ai.switchboard.tools.ToolError;
import ai.switchboard.tools.ToolTypes;
import ai.switchboard.tools.invoke.InvocationLimits;
import ai.switchboard.tools.invoke.ToolInvoker;
import ai.switchboard.tools.invoke.ToolResult;
import ai.switchboard.tools.testsupport.Sinkhole;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The type as the gateway wires it, with Reactor Netty's own DNS resolver behind the guard. */
class HttpToolTypeIT {

    @Test
    void theDefaultResolverIsGuardedToo() throws Exception {
        try (Sinkhole sinkhole = new Sinkhole(); HttpToolType type = HttpToolType.withDefaultDns()) {
            ToolTypes types = new ToolTypes(List.of(type));
            // A named target (not "*"), so no name rule applies: "localhost" is resolved, then refused by address.
            Tool tool = types.create(new ToolDefinition("local", "http", null, WireJson.mapper().readTree(
                    "{\"targets\": [\"http://localhost:" + sinkhole.port() + "/\"]}")));
            try {
                ToolResult result = HttpToolFixtures.get(ToolInvoker.of(tool, InvocationLimits.defaults()),
                        "http://localhost:" + sinkhole.port() + "/");

                assertThat(result.error()).as(result.content()).isEqualTo(ToolError.REFUSED);
                assertThat(result.content()).contains("loopback");
                assertThat(sinkhole.connections()).isZero();
            } finally {
                tool.close();
            }
        }
    }
}
