package ai.switchboard.providers.bedrock;

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
 * A one-connection HTTP server that answers with the head of an event stream (binary frames) and then holds the
 * connection open, recording when the client closes it. WireMock cannot report a client disconnect; this can, which
 * is how the cancellation test proves that an abandoned stream closes the upstream call.
 */
final class BedrockLoopbackServer implements AutoCloseable {

    private final ServerSocket server;
    private final CountDownLatch requestReceived = new CountDownLatch(1);
    private final CountDownLatch clientClosed = new CountDownLatch(1);

    BedrockLoopbackServer(byte[] firstFrames) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("bedrock-loopback").start(() -> serve(firstFrames));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    boolean awaitRequest(long timeout, TimeUnit unit) throws InterruptedException {
        return requestReceived.await(timeout, unit);
    }

    boolean awaitClientClose(long timeout, TimeUnit unit) throws InterruptedException {
        return clientClosed.await(timeout, unit);
    }

    private void serve(byte[] frames) {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            readHead(in);
            requestReceived.countDown();
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.amazon.eventstream\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(frames.length) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(frames);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // Never ends on its own: only the client closing the connection gets past this loop.
            try {
                while (in.read() != -1) {
                    // discard the rest of the request body
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
    }
}
