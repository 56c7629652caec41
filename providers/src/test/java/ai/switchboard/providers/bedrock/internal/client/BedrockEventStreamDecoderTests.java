package ai.switchboard.providers.bedrock.internal.client;

import static ai.switchboard.providers.bedrock.BedrockFixtures.encode;
import static ai.switchboard.providers.bedrock.BedrockFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import software.amazon.eventstream.Message;

class BedrockEventStreamDecoderTests {

    private static final ProviderEndpoint ENDPOINT = new ProviderEndpoint("bedrock-test", "bedrock",
            URI.create("http://localhost"), "k", Map.of(), null, null, Map.of(), 1);

    @Test
    void frameSplitAcrossTwoNetworkReadsIsYieldedOnceWhole() {
        Message first = event("messageStart", "{\"role\":\"assistant\"}");
        Message second = event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hi\"}}");
        byte[] bytes = encode(List.of(first, second));
        int split = encode(List.of(first)).length + 7;
        EventStreamDecoder decoder = new EventStreamDecoder(ENDPOINT);

        List<Message> afterFirstRead = decoder.feed(DefaultDataBufferFactory.sharedInstance
                .wrap(Arrays.copyOfRange(bytes, 0, split)));
        List<Message> afterSecondRead = decoder.feed(DefaultDataBufferFactory.sharedInstance
                .wrap(Arrays.copyOfRange(bytes, split, bytes.length)));

        assertThat(afterFirstRead).containsExactly(first);
        assertThat(afterSecondRead).containsExactly(second);
    }

    @Test
    void byteByByteFeedingYieldsTheSameFrames() {
        List<Message> frames = List.of(event("messageStop", "{\"stopReason\":\"end_turn\"}"),
                event("metadata", "{\"usage\":{\"inputTokens\":1,\"outputTokens\":1,\"totalTokens\":2}}"));
        byte[] bytes = encode(frames);
        EventStreamDecoder decoder = new EventStreamDecoder(ENDPOINT);

        List<Message> decoded = new ArrayList<>();
        for (byte b : bytes) {
            decoded.addAll(decoder.feed(new byte[] {b}));
        }

        assertThat(decoded).isEqualTo(frames);
    }

    @Test
    void corruptCrcIsAMalformedResponse() {
        byte[] bytes = encode(List.of(event("messageStart", "{\"role\":\"assistant\"}")));
        bytes[bytes.length - 1] ^= 0x5A;
        EventStreamDecoder decoder = new EventStreamDecoder(ENDPOINT);

        assertThatThrownBy(() -> decoder.feed(bytes)).isInstanceOfSatisfying(ProviderException.class,
                failure -> assertThat(failure.type()).isEqualTo(ErrorType.MALFORMED_RESPONSE));
    }
}
