package ai.switchboard.tools.http;

import java.io.ByteArrayOutputStream;

/**
 * Collects a response body up to a cap. Reading stops at the first chunk past the cap, so at most one chunk more
 * than the cap is ever held; the connection is then closed rather than drained.
 */
final class CappedBody {

    private final int cap;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean truncated;

    CappedBody(int cap) {
        this.cap = cap;
    }

    /** Adds a chunk; {@code true} once the body is known to be longer than the cap (stop reading). */
    boolean append(byte[] chunk) {
        int room = cap - bytes.size();
        bytes.write(chunk, 0, Math.min(room, chunk.length));
        truncated = chunk.length > room;
        return truncated;
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }

    boolean truncated() {
        return truncated;
    }
}
