package ai.switchboard.bench.mock;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The two facts the mock needs from a request body, found by a byte scan instead of a JSON parse so the mock's
 * cost per request stays far below the gateway's: whether {@code "stream"} is {@code true}, and whether
 * {@code "include_usage"} is. Whitespace between the key, the colon and the value is allowed.
 */
record RequestFlags(boolean stream, boolean includeUsage) {

    private static final byte[] STREAM = "\"stream\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INCLUDE_USAGE = "\"include_usage\"".getBytes(StandardCharsets.US_ASCII);

    static RequestFlags of(ByteBuf body) {
        return new RequestFlags(isTrue(body, STREAM), isTrue(body, INCLUDE_USAGE));
    }

    /** Whether some occurrence of {@code key} is followed by optional whitespace, a colon and {@code true}. */
    static boolean isTrue(ByteBuf body, byte[] key) {
        int end = body.writerIndex();
        for (int at = indexOf(body, key, body.readerIndex()); at >= 0; at = indexOf(body, key, at + 1)) {
            int i = skipSpace(body, at + key.length, end);
            if (i < end && body.getByte(i) == ':') {
                i = skipSpace(body, i + 1, end);
                if (i + 4 <= end && body.getByte(i) == 't' && body.getByte(i + 1) == 'r'
                        && body.getByte(i + 2) == 'u' && body.getByte(i + 3) == 'e') {
                    return true;
                }
            }
        }
        return false;
    }

    private static int indexOf(ByteBuf body, byte[] needle, int from) {
        int last = body.writerIndex() - needle.length;
        outer:
        for (int i = from; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (body.getByte(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int skipSpace(ByteBuf body, int from, int end) {
        int i = from;
        while (i < end) {
            byte b = body.getByte(i);
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                break;
            }
            i++;
        }
        return i;
    }
}
