package ai.switchboard.providers.gemini.internal.mapper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeminiToolCallIdsTests {

    @ParameterizedTest
    @ValueSource(strings = {"CiQBcsjafF+abc/xyz==", "CiQBcsjafF+abc/xyz0=", "CiQBcsjafF+abc/x", "AA++//==", "Zm9v"})
    void signaturesRoundTripThroughTheIdExactly(String signature) {
        String id = ToolCallIds.encode("call_abc", signature);

        assertThat(id).startsWith("call_abc.sig.").doesNotContain("+", "/", "=");
        assertThat(ToolCallIds.decode(id)).isEqualTo(new ToolCallIds.Decoded("call_abc", signature));
    }

    @Test
    void geminiIdsWithDotsStillSplitAtTheLastMarker() {
        String id = ToolCallIds.encode("fc.sig.v1", "Zm9vYmFy");

        assertThat(ToolCallIds.decode(id)).isEqualTo(new ToolCallIds.Decoded("fc.sig.v1", "Zm9vYmFy"));
    }

    @Test
    void idsWithoutASignatureAreLeftAlone() {
        assertThat(ToolCallIds.encode("call_x", null)).isEqualTo("call_x");
        assertThat(ToolCallIds.decode("call_x")).isEqualTo(new ToolCallIds.Decoded("call_x", null));
        assertThat(ToolCallIds.decode("toolu_01.sig.")).isEqualTo(new ToolCallIds.Decoded("toolu_01.sig.", null));
    }

    @Test
    void signaturesThatCannotBeCarriedAreDropped() {
        assertThat(ToolCallIds.encode("call_x", "not base64!")).isEqualTo("call_x");
        assertThat(ToolCallIds.encode("call_x", "CiQBcsjafF+abc/xy=")).as("padding that does not fit").isEqualTo("call_x");
        assertThat(ToolCallIds.encode("call_x", "A".repeat(ToolCallIds.MAX_SIGNATURE_LENGTH + 4))).isEqualTo("call_x");
    }

    @Test
    void synthesizedIdsAreUniqueCallIds() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(ToolCallIds.newId());
        }
        assertThat(ids).hasSize(1000).allSatisfy(id -> assertThat(id).matches("call_[0-9A-Za-z]{24}"));
    }
}
