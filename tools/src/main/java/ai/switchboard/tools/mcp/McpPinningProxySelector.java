package ai.switchboard.tools.mcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;

/**
 * Closes DNS rebinding for the MCP client's JDK {@code HttpClient}, which has no resolver of its own to replace: the
 * client asks this selector about every request before it connects, on the calling thread, and a refusal thrown here
 * fails that request before any connection is made.
 *
 * <p>{@code http://} with a host name: the name is resolved once here, every answer is checked, and the checked
 * address is handed back as an already-resolved HTTP proxy address. The JDK client connects to a resolved proxy
 * address as it is (it looks up only unresolved ones) and sends the request in absolute form ({@code POST
 * http://name:port/path}, {@code Host: name}), which every HTTP/1.1 server must accept (RFC 9112, 3.2.2). So the
 * connection goes to exactly the address that was checked, whatever the name answers next.
 *
 * <p>{@code https://}: a proxy would be asked to {@code CONNECT}, which the server is not, so the name is checked here
 * and resolved again by the client. A different second answer still cannot carry a request anywhere: the TLS handshake
 * has to present a certificate for the registered name before any byte of the request (headers, bearer token,
 * arguments) is sent, and an internal host holds none for an outside name. At most a TCP connection and a
 * ClientHello reach it. An address literal is checked and used directly: no lookup can answer differently.
 */
final class McpPinningProxySelector extends ProxySelector {

    private final McpAddressGuard guard;

    McpPinningProxySelector(McpAddressGuard guard) {
        this.guard = guard;
    }

    @Override
    public List<Proxy> select(URI uri) {
        if ("http".equalsIgnoreCase(uri.getScheme()) && !McpAddressGuard.isLiteral(uri)) {
            InetAddress address;
            try {
                address = guard.pin(uri);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(address,
                    uri.getPort() == -1 ? 80 : uri.getPort())));
        }
        String refusal = guard.refusal(uri);
        if (refusal != null) {
            throw new McpAddressRefusedException(refusal);
        }
        return List.of(Proxy.NO_PROXY);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        // Nothing to fall back to: the request fails, and the connection's own retry runs the check again.
    }
}
