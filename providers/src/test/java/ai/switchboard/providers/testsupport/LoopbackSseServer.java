package ai.switchboard.providers.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A one-connection HTTP server that answers with the head of an SSE stream and then holds the connection open,
 * recording when the client closes it. WireMock cannot report a client disconnect; this can, which is how tests
 * prove that cancelling a stream cancels the upstream call.
 */
public final class LoopbackSseServer implements AutoCloseable {

    private final ServerSocket server;
    private final Thread thread;
    private final CountDownLatch requestReceived = new CountDownLatch(1);
    private final CountDownLatch clientClosed = new CountDownLatch(1);

    /** Starts serving: every accepted connection gets the status line, headers and {@code firstEvents}. */
    public LoopbackSseServer(String firstEvents) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = Thread.ofPlatform().daemon().name("loopback-sse").start(() -> serve(firstEvents));
    }

    /** The base URL to configure, e.g. {@code http://127.0.0.1:1234/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/v1";
    }

    /** Waits until a request has been received. */
    public boolean awaitRequest(long timeout, TimeUnit unit) throws InterruptedException {
        return requestReceived.await(timeout, unit);
    }

    /** Waits until the client has closed the connection. */
    public boolean awaitClientClose(long timeout, TimeUnit unit) throws InterruptedException {
        return clientClosed.await(timeout, unit);
    }

    private void serve(String firstEvents) {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            readHead(in);
            requestReceived.countDown();
            OutputStream out = socket.getOutputStream();
            byte[] events = firstEvents.getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(events.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(events);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The stream never ends on its own: the only way out is the client closing the connection (read
            // returns -1 or fails with a reset).
            try {
                while (in.read() != -1) {
                    // discard anything further the client sends
                }
            }
            catch (IOException reset) {
                // a reset is a close too
            }
            clientClosed.countDown();
        }
        catch (IOException serverClosed) {
            // close() was called before a client connected
        }
    }

    private static void readHead(InputStream in) throws IOException {
        // Reads up to the blank line ending the request head; the small request body is read as part of it or
        // ignored, which is fine because the server never parses it.
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < end.length && (b = in.read()) != -1) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        thread.interrupt();
    }
}
