package ai.switchboard.bench.driver;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Finds OpenAI stream events that carry content, across network reads: a byte-level matcher for
 * {@code "content":"} followed by anything but a closing quote (the role chunk's {@code "content":""} is not a
 * token). One instance per response, fed every body buffer in order; the match state survives buffer boundaries
 * so an event split over two reads is counted once, in the read that completes it.
 */
final class ContentEventScanner {

    private static final byte[] KEY = "\"content\":\"".getBytes(StandardCharsets.US_ASCII);

    private int matched;
    private boolean awaitingFirstByte;

    /** How many content events complete in this buffer; the buffer's indexes are not moved. */
    int scan(ByteBuf buffer) {
        int events = 0;
        int end = buffer.writerIndex();
        for (int i = buffer.readerIndex(); i < end; i++) {
            byte b = buffer.getByte(i);
            if (awaitingFirstByte) {
                awaitingFirstByte = false;
                if (b != '"') {
                    events++;
                }
                continue;
            }
            if (b == KEY[matched]) {
                matched++;
                if (matched == KEY.length) {
                    matched = 0;
                    awaitingFirstByte = true;
                }
            } else {
                matched = b == KEY[0] ? 1 : 0;
            }
        }
        return events;
    }
}
