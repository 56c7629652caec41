package ai.switchboard.tools.mcp;

import ai.switchboard.tools.http.AddressPolicy;
import ai.switchboard.tools.http.HostName;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Keeps the gateway's MCP client off addresses it must not reach (loopback, private, link-local, cloud metadata),
 * with the same {@link AddressPolicy} as the http tool: checked when an admin registers a URL, before every
 * connection attempt, and at every HTTP request by {@link McpPinningProxySelector}, which makes the request go to the
 * address checked (so a name cannot answer one address to the check and another to the connect). Blocking (DNS):
 * call it off the event loop.
 */
public final class McpAddressGuard {

    /** Name resolution; replaceable so that tests can make a name answer differently from one lookup to the next. */
    @FunctionalInterface
    public interface Resolver {

        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final AddressPolicy policy;
    private final Resolver resolver;

    public McpAddressGuard(AddressPolicy policy) {
        this(policy, InetAddress::getAllByName);
    }

    public McpAddressGuard(AddressPolicy policy, Resolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    /**
     * Why the gateway may not connect to {@code url}, or {@code null} when it may (also when the name does not
     * resolve now: the connection then fails on its own).
     */
    public String refusal(URI url) {
        try {
            check(url);
            return null;
        } catch (McpAddressRefusedException e) {
            return e.getMessage();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /**
     * The address a connection to {@code url} must use: the name resolved once, every answer checked (a name with any
     * refused address is refused as a whole), the first answer returned.
     *
     * @throws McpAddressRefusedException when any answer is refused
     * @throws UnknownHostException when the name does not resolve
     */
    InetAddress pin(URI url) throws UnknownHostException {
        return check(url)[0];
    }

    /** Whether {@code url} names its host by address, so that no lookup can answer differently later. */
    static boolean isLiteral(URI url) {
        try {
            return url.getHost() != null && HostName.parse(url.getHost()).address() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private InetAddress[] check(URI url) throws UnknownHostException {
        String host = url.getHost();
        if (host == null) {
            throw new McpAddressRefusedException("the URL names no host");
        }
        HostName parsed;
        try {
            parsed = HostName.parse(host);
        } catch (IllegalArgumentException e) {
            throw new McpAddressRefusedException("the URL " + e.getMessage());
        }
        InetAddress[] addresses = parsed.address() != null ? new InetAddress[] {parsed.address()}
                : resolver.resolve(parsed.name());
        if (addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        for (InetAddress address : addresses) {
            String reason = policy.refusal(address);
            if (reason != null) {
                throw new McpAddressRefusedException(host + " (" + address.getHostAddress() + ") is " + reason
                        + ", which the gateway may not reach");
            }
        }
        return addresses;
    }
}
