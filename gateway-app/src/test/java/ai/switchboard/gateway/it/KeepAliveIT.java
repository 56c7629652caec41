package ai.switchboard.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A client that sends its next request the moment the previous answer has arrived, on one keep-alive connection,
 * must get every answer. Admin writes are answered from the registry scheduler, so the answer can reach the client
 * before the server has finished the request on its event loop; Reactor Netty 1.3.7 then queued the next request and
 * could stop reading the connection for good (see {@code NettyDefaults}). Without the fix this test failed within its
 * first twenty rounds here; each read is bounded, so a regression shows as a failure, not a hang.
 */
class KeepAliveIT extends GatewayIT {

    private static final int ROUNDS = 60;

    @Test
    void everyRequestOnOneConnectionIsAnsweredEvenRightAfterAnAdminWrite() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int round = 0; round < ROUNDS; round++) {
                String body = "{\"name\":\"" + unique("keepalive") + "\",\"scopes\":[\"admin\"],\"allowed_models\":[]}";
                send(out, "POST /admin/v1/keys HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ADMIN_KEY
                        + "\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body);
                assertThat(statusOf(in)).as("round %d: the admin write", round).isEqualTo(201);
                send(out, "GET /admin/v1/usage HTTP/1.1\r\nHost: localhost\r\n\r\n");
                assertThat(statusOf(in)).as("round %d: the request right after it", round).isEqualTo(401);
            }
        }
    }

    private static void send(OutputStream out, String request) throws IOException {
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads one whole response (status line, headers, a Content-Length or chunked body) and returns its status. */
    private static int statusOf(InputStream in) throws IOException {
        String head = readHead(in);
        int status = Integer.parseInt(head.substring(9, 12));
        String lower = head.toLowerCase(Locale.ROOT);
        int length = lower.indexOf("\r\ncontent-length:");
        if (length >= 0) {
            int end = lower.indexOf("\r\n", length + 2);
            in.readNBytes(Integer.parseInt(head.substring(length + 17, end).trim()));
        } else if (lower.contains("\r\ntransfer-encoding: chunked")) {
            skipChunks(in);
        }
        return status;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after: " + head);
            }
            head.write(b);
            if (head.size() >= 4 && head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
    }

    private static void skipChunks(InputStream in) throws IOException {
        while (true) {
            String sizeLine = readLine(in);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            in.readNBytes(size);
            readLine(in);
            if (size == 0) {
                return;
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            previous = b;
        }
    }
}
