package ai.switchboard.bench.mock;

import io.netty.handler.codec.http.HttpHeaders;
import java.time.Duration;

/**
 * The shape of one mock answer: how much content, split into how many stream chunks, paced how.
 *
 * @param contentBytes the size of the assistant's content in bytes (ASCII), for JSON and streams alike
 * @param chunks how many content chunks a stream carries (besides the role, finish and usage chunks)
 * @param firstChunkDelay the wait before the first stream chunk, or before the JSON answer: a model's time to
 *     first token
 * @param chunkDelay the wait between two stream chunks: a model's time per token
 */
public record MockSettings(int contentBytes, int chunks, Duration firstChunkDelay, Duration chunkDelay) {

    /** Request headers that override the server's settings for one request, for direct experiments. */
    public static final String CONTENT_BYTES_HEADER = "x-mock-content-bytes";
    public static final String CHUNKS_HEADER = "x-mock-chunks";
    public static final String FIRST_DELAY_HEADER = "x-mock-first-delay-ms";
    public static final String CHUNK_DELAY_HEADER = "x-mock-chunk-delay-ms";

    // Bounds keep a typo from pre-rendering gigabytes or parking a connection for hours.
    private static final int MAX_CONTENT_BYTES = 16 * 1024 * 1024;
    private static final int MAX_CHUNKS = 100_000;
    private static final Duration MAX_DELAY = Duration.ofMinutes(5);

    public MockSettings {
        if (contentBytes < 0 || contentBytes > MAX_CONTENT_BYTES) {
            throw new IllegalArgumentException("contentBytes must be in [0, " + MAX_CONTENT_BYTES + "]");
        }
        if (chunks < 1 || chunks > MAX_CHUNKS) {
            throw new IllegalArgumentException("chunks must be in [1, " + MAX_CHUNKS + "]");
        }
        checkDelay(firstChunkDelay, "firstChunkDelay");
        checkDelay(chunkDelay, "chunkDelay");
    }

    /** A typical short chat answer: about 50 tokens, no pacing. */
    public static MockSettings defaults() {
        return new MockSettings(256, 16, Duration.ZERO, Duration.ZERO);
    }

    /** These settings with any override the request's headers carry. */
    public MockSettings with(HttpHeaders headers) {
        String bytes = headers.get(CONTENT_BYTES_HEADER);
        String count = headers.get(CHUNKS_HEADER);
        String first = headers.get(FIRST_DELAY_HEADER);
        String gap = headers.get(CHUNK_DELAY_HEADER);
        if (bytes == null && count == null && first == null && gap == null) {
            return this;
        }
        return new MockSettings(
                bytes == null ? contentBytes : Integer.parseInt(bytes.trim()),
                count == null ? chunks : Integer.parseInt(count.trim()),
                first == null ? firstChunkDelay : Duration.ofMillis(Long.parseLong(first.trim())),
                gap == null ? chunkDelay : Duration.ofMillis(Long.parseLong(gap.trim())));
    }

    /** Whether any pacing applies: an unpaced stream is written in one go. */
    public boolean paced() {
        return !firstChunkDelay.isZero() || !chunkDelay.isZero();
    }

    private static void checkDelay(Duration delay, String name) {
        if (delay == null || delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException(name + " must be in [0, " + MAX_DELAY + "]");
        }
    }
}
