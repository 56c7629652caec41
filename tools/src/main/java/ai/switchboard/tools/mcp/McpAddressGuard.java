package ai.switchboard.tools.mcp;

import ai.switchboard.tools.http.AddressPolicy;
import ai.switchboard.tools.http.HostName;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Keeps the gateway's MCP client off addresses it must not reach (loopback, private, link-local, cloud metadata),
 * with the same {@link AddressPolicy} as the http tool: checked when an admin registers a URL and again before every
 * connection attempt, on the name's current DNS answers. Blocking (DNS): call it off the event loop. The JDK HTTP
 * client resolves the name once more when it connects, so a name whose answers change within that moment is not
 * covered; the registration check and the re-check on every attempt keep that window small.
 */
public final class McpAddressGuard {

    private final AddressPolicy policy;

    public McpAddressGuard(AddressPolicy policy) {
        this.policy = policy;
    }

    /**
     * Why the gateway may not connect to {@code url}, or {@code null} when it may (also when the name does not
     * resolve now: the connection then fails on its own).
     */
    public String refusal(URI url) {
        String host = url.getHost();
        if (host == null) {
            return "the URL names no host";
        }
        HostName parsed;
        try {
            parsed = HostName.parse(host);
        } catch (IllegalArgumentException e) {
            return "the URL " + e.getMessage();
        }
        InetAddress[] addresses;
        if (parsed.address() != null) {
            addresses = new InetAddress[] {parsed.address()};
        } else {
            try {
                addresses = InetAddress.getAllByName(parsed.name());
            } catch (UnknownHostException e) {
                return null;
            }
        }
        for (InetAddress address : addresses) {
            String reason = policy.refusal(address);
            if (reason != null) {
                return host + " (" + address.getHostAddress() + ") is " + reason
                        + ", which the gateway may not reach";
            }
        }
        return null;
    }
}
