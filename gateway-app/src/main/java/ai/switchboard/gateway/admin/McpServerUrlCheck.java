package ai.switchboard.gateway.admin;

import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.mcp.McpServerInspector;
import ai.switchboard.tools.mcp.McpAddressGuard;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.stereotype.Component;

/**
 * Refuses, when an admin writes it, a server URL the gateway may not reach (SSRF): the same guard runs again before
 * every connection attempt. Runs on the registry scheduler: it resolves the host.
 */
@Component
class McpServerUrlCheck implements McpServerInspector {

    private final McpAddressGuard guard;

    McpServerUrlCheck(McpAddressGuard guard) {
        this.guard = guard;
    }

    @Override
    public void inspectUrl(String url, FieldErrors errors) {
        try {
            String refusal = guard.refusal(new URI(url));
            if (refusal != null) {
                errors.add("url", refusal + " (allow its block in " + "switchboard.mcp.allowed-cidrs if it is "
                        + "meant to be reached)");
            }
        } catch (URISyntaxException e) {
            errors.add("url", "must be an absolute http or https URL");
        }
    }
}
