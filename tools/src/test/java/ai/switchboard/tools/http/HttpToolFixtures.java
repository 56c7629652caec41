package ai.switchboard.tools.http;

import ai.switchboard.providers.json.WireJson;
import ai.switchboard.tools.Tool;
import ai.switchboard.tools.ToolDefinition;
import ai.switchboard.tools.ToolTypes;
import ai.switchboard.tools.invoke.InvocationLimits;
import ai.switchboard.tools.invoke.ToolInvoker;
import ai.switchboard.tools.invoke.ToolResult;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds http tools the way the gateway will (a definition through {@link ToolTypes}) and calls them. */
final class HttpToolFixtures {

    private HttpToolFixtures() {
    }

    static ToolInvoker invoker(TestDns dns, String name, String configJson) {
        ToolTypes types = new ToolTypes(List.of(new HttpToolType(dns)));
        Tool tool = types.create(new ToolDefinition(name, "http", null, WireJson.mapper().readTree(configJson)));
        return ToolInvoker.of(tool, InvocationLimits.defaults());
    }

    static ToolResult get(ToolInvoker invoker, String url) {
        ObjectNode arguments = WireJson.mapper().createObjectNode().put("url", url);
        return call(invoker, arguments.toString());
    }

    static ToolResult call(ToolInvoker invoker, String arguments) {
        return invoker.invoke(arguments, Duration.ofSeconds(30)).block(Duration.ofSeconds(60));
    }

    /** The {@code data} of an ok result. */
    static JsonNode data(ToolResult result) {
        return result.envelope().path("tool_output").path("data");
    }
}
