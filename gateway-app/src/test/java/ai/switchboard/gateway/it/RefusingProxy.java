package ai.switchboard.gateway.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP proxy that forwards nothing: a CLI under test gets it as {@code HTTPS_PROXY} and {@code HTTP_PROXY},
 * so a connection it tries to open to anywhere but the gateway ends here, refused, and is remembered by its first
 * line ({@code CONNECT github.com:443 HTTP/1.1}). A test then asserts there were none, rather than trusting a
 * configuration to have switched off every update check, telemetry and sync the CLI has.
 */
final class RefusingProxy implements AutoCloseable {

    private static final byte[] REFUSAL = "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    private final ServerSocket server;
    private final List<String> attempts = new CopyOnWriteArrayList<>();

    RefusingProxy() throws IOException {
        server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("refusing-proxy").start(this::refuseAll);
    }

    /** The proxy URL to put in the CLI's environment. */
    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The first line of every request that reached the proxy, in order. */
    List<String> attempts() {
        return List.copyOf(attempts);
    }

    private void refuseAll() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                client.setSoTimeout(2_000);
                BufferedReader request = new BufferedReader(new InputStreamReader(client.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                String firstLine = request.readLine();
                attempts.add(firstLine == null ? "(a connection that sent nothing)" : firstLine);
                client.getOutputStream().write(REFUSAL);
            } catch (IOException closedOrBroken) {
                if (!server.isClosed()) {
                    attempts.add("(a connection that broke: " + closedOrBroken + ")");
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
