package ai.switchboard.tools.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A listener on every local address (IPv4 and IPv6, loopback included) that counts the connections it accepts and
 * closes them. A request an SSRF guard let through to its port shows up here, whatever address it used.
 */
public final class Sinkhole implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();

    /** On every local address, at a free port. */
    public Sinkhole() {
        this(null, 0);
    }

    /** On one address (or all, for {@code null}) at a given port (or a free one, for 0). */
    public Sinkhole(InetAddress address, int port) {
        try {
            socket = new ServerSocket(port, 50, address);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "sinkhole");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public int connections() {
        return connections.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try (Socket accepted = socket.accept()) {
                connections.incrementAndGet();
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
