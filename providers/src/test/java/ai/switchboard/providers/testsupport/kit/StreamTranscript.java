package ai.switchboard.providers.testsupport.kit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A native stream as the upstream writes it: a content type and its frames (SSE events, or binary event-stream
 * messages) including the provider's end-of-stream marker. The kit replays all frames for a complete stream and
 * only the first half for a stream cut off in the middle.
 *
 * @param contentType the response's {@code Content-Type}
 * @param frames the frames, in order, each complete
 */
public record StreamTranscript(String contentType, List<byte[]> frames) {

    public StreamTranscript {
        if (frames.size() < 2) {
            throw new IllegalArgumentException("a transcript needs at least two frames to be cut in the middle");
        }
        frames = List.copyOf(frames);
    }

    /** An SSE transcript; each string is one complete event including its terminating blank line. */
    public static StreamTranscript sse(List<String> events) {
        return new StreamTranscript("text/event-stream",
                events.stream().map(event -> event.getBytes(StandardCharsets.UTF_8)).toList());
    }

    /** Every frame, as the body of a complete stream. */
    public byte[] body() {
        return join(frames.size());
    }

    /** The first half of the frames: the stream broke off after some content and before its end marker. */
    public byte[] cutInTheMiddle() {
        return join(Math.max(1, frames.size() / 2));
    }

    private byte[] join(int count) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        frames.subList(0, count).forEach(body::writeBytes);
        return body.toByteArray();
    }
}
