package ai.switchboard.gateway.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatDelta;
import ai.switchboard.providers.api.ChunkChoice;
import ai.switchboard.providers.api.Usage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

class JsonWriterTests {

    private final DefaultDataBufferFactory factory = DefaultDataBufferFactory.sharedInstance;

    @Test
    void framesAnEventExactlyAsOpenAiDoes() {
        ChatChunk chunk = new ChatChunk("c1", ChatChunk.OBJECT, 1L, "m",
                List.of(new ChunkChoice(0, new ChatDelta(null, "Hi", null, null, null), null, null, null)), null, null,
                null);

        assertThat(text(JsonWriter.event(factory, chunk))).isEqualTo(
                "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                        + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}\n\n");
    }

    @Test
    void usageChunkHasEmptyChoices() {
        ChatChunk usage = ChatChunk.usageChunk("c1", 1, "m", Usage.of(3, 2, 1));

        assertThat(text(JsonWriter.event(factory, usage))).isEqualTo(
                "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[],"
                        + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5,"
                        + "\"prompt_tokens_details\":{\"cached_tokens\":1}}}\n\n");
    }

    @Test
    void doneIsTheLiteralSentinel() {
        assertThat(text(JsonWriter.done(factory))).isEqualTo("data: [DONE]\n\n");
    }

    private static String text(DataBuffer buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
