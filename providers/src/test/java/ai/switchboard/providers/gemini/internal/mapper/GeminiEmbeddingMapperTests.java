package ai.switchboard.providers.gemini.internal.mapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.providers.api.EmbeddingResponse;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.json.WireJson;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GeminiEmbeddingMapperTests {

    private static EmbeddingRequest request(String json) {
        return WireJson.mapper().readValue(json, EmbeddingRequest.class);
    }

    @Test
    void batchItemsRepeatTheModelAndDimensions() {
        JsonNode body = WireJson.mapper().valueToTree(
                GeminiEmbeddingMapper.batch("gemini-embedding-001", List.of("a", "b"), 256));

        assertThat(body).isEqualTo(WireJson.mapper().readTree("""
                {"requests":[
                  {"model":"models/gemini-embedding-001","content":{"parts":[{"text":"a"}]},"outputDimensionality":256},
                  {"model":"models/gemini-embedding-001","content":{"parts":[{"text":"b"}]},"outputDimensionality":256}]}"""));
        assertThat(WireJson.mapper().valueToTree(GeminiEmbeddingMapper.single("a", null)).toString())
                .isEqualTo("{\"content\":{\"parts\":[{\"text\":\"a\"}]}}");
    }

    @Test
    void base64IsLittleEndianFloat32() {
        EmbeddingRequest request = request("{\"model\":\"e\",\"input\":\"a\",\"encoding_format\":\"base64\"}");
        EmbeddingResponse response = GeminiEmbeddingMapper.toOpenAi(
                List.of(WireJson.mapper().readTree("[0.5,-1.25,3.0]")), 1, request);

        byte[] bytes = Base64.getDecoder().decode(response.data().getFirst().embedding().asString());
        ByteBuffer floats = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(bytes).hasSize(12);
        assertThat(floats.getFloat()).isEqualTo(0.5f);
        assertThat(floats.getFloat()).isEqualTo(-1.25f);
        assertThat(floats.getFloat()).isEqualTo(3.0f);
        assertThat(response.usage().promptTokens()).isZero();
    }

    @Test
    void tokenArraysAndUnknownFormatsAreRefused() {
        assertThatThrownBy(() -> GeminiEmbeddingMapper.texts(request("{\"model\":\"e\",\"input\":[[1,2,3]]}")))
                .isInstanceOfSatisfying(ProviderException.class, failure -> {
                    assertThat(failure.type()).isEqualTo(ErrorType.INVALID_REQUEST);
                    assertThat(failure.param()).isEqualTo("input");
                });
        assertThatThrownBy(() -> GeminiEmbeddingMapper.texts(
                request("{\"model\":\"e\",\"input\":\"a\",\"encoding_format\":\"int8\"}")))
                .isInstanceOfSatisfying(ProviderException.class,
                        failure -> assertThat(failure.param()).isEqualTo("encoding_format"));
    }
}
