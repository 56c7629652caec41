package ai.switchboard.providers.bedrock.internal.client;

import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.error.UpstreamErrors;
import java.nio.ByteBuffer;
import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import software.amazon.eventstream.Message;
import software.amazon.eventstream.MessageDecoder;

/**
 * Incremental decoder of one {@code application/vnd.amazon.eventstream} body, on AWS's own codec (which checks the
 * prelude and message CRCs). Network reads split frames anywhere, so bytes are fed as they arrive and a frame is
 * yielded once it is whole; a partial frame left at the end of the body is simply never yielded, and the stream
 * translator then reports the stream as interrupted. Single-use and not thread-safe, like the stream it serves.
 */
public final class EventStreamDecoder {

    private final ProviderEndpoint endpoint;
    private final MessageDecoder decoder = new MessageDecoder();

    public EventStreamDecoder(ProviderEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Feeds one network read, releasing it, and returns the frames it completed. */
    public List<Message> feed(DataBuffer buffer) {
        try {
            try (DataBuffer.ByteBufferIterator iterator = buffer.readableByteBuffers()) {
                while (iterator.hasNext()) {
                    feed(iterator.next());
                }
            }
            return decoder.getDecodedMessages();
        }
        finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** Feeds bytes already in memory (tests, and callers that do not hold pooled buffers). */
    public List<Message> feed(byte[] bytes) {
        feed(ByteBuffer.wrap(bytes));
        return decoder.getDecodedMessages();
    }

    private void feed(ByteBuffer bytes) {
        try {
            decoder.feed(bytes);
        }
        catch (RuntimeException corrupt) {
            // A CRC mismatch or an impossible length: the codec cannot resynchronize, and neither can we.
            throw UpstreamErrors.malformed(endpoint, "a corrupt event-stream frame", corrupt);
        }
    }
}
