package ai.switchboard.providers.cohere.internal.mapper;

import static ai.switchboard.providers.cohere.CohereFixtures.embedAnswer;
import static ai.switchboard.providers.cohere.CohereFixtures.endpoint;
import static ai.switchboard.providers.cohere.CohereFixtures.offlineEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.providers.api.EmbeddingResponse;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.cohere.internal.api.CohereEmbedRequest;
import ai.switchboard.providers.cohere.internal.api.CohereEmbedResponse;
import ai.switchboard.providers.json.WireJson;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CohereEmbedMapperTests {

    @Test
    void aStringBecomesOneSearchDocumentCallWithFloatEmbeddings() {
        List<CohereEmbedRequest> calls = CohereEmbedMapper.toCohere(offlineEndpoint(),
                request("{\"model\":\"embed-v4.0\",\"input\":\"hello\",\"dimensions\":256,\"user\":\"u\"}"));

        assertThat(WireJson.mapper().readTree(WireJson.mapper().writeValueAsString(calls.getFirst())))
                .isEqualTo(WireJson.mapper().readTree("""
                        {"model":"embed-v4.0","texts":["hello"],"input_type":"search_document",
                        "embedding_types":["float"],"output_dimension":256}"""));
    }

    @Test
    void inputTypeAndTruncateComeFromTheRequestThenTheSettings() {
        var configured = endpoint("c", "https://api.cohere.com", Duration.ofSeconds(1),
                Map.of("input_type", "clustering", "truncate", "END"));

        CohereEmbedRequest fromSettings = CohereEmbedMapper.toCohere(configured,
                request("{\"model\":\"m\",\"input\":[\"a\"]}")).getFirst();
        CohereEmbedRequest fromRequest = CohereEmbedMapper.toCohere(configured,
                request("{\"model\":\"m\",\"input\":[\"a\"],\"input_type\":\"search_query\"}")).getFirst();

        assertThat(fromSettings.inputType()).isEqualTo("clustering");
        assertThat(fromSettings.truncate()).isEqualTo("END");
        assertThat(fromRequest.inputType()).isEqualTo("search_query");
    }

    @Test
    void moreThan96TextsAreSplitAndMergedInOrderWithSummedUsage() {
        EmbeddingRequest request = request(texts(200));

        List<CohereEmbedRequest> calls = CohereEmbedMapper.toCohere(offlineEndpoint(), request);
        EmbeddingResponse merged = CohereEmbedMapper.toOpenAi(offlineEndpoint(), request, calls, List.of(
                answer(embedAnswer(0, 96, 10)), answer(embedAnswer(96, 96, 20)), answer(embedAnswer(192, 8, 3))));

        assertThat(calls).extracting(call -> call.texts().size()).containsExactly(96, 96, 8);
        assertThat(calls.get(1).texts().getFirst()).isEqualTo("t96");
        assertThat(merged.object()).isEqualTo("list");
        assertThat(merged.model()).isEqualTo("embed-v4.0");
        assertThat(merged.data()).hasSize(200);
        for (int i = 0; i < 200; i++) {
            assertThat(merged.data().get(i).index()).isEqualTo(i);
            assertThat(merged.data().get(i).embedding().get(0).asInt()).isEqualTo(i);
        }
        assertThat(merged.usage().promptTokens()).isEqualTo(33);
        assertThat(merged.usage().totalTokens()).isEqualTo(33);
    }

    @Test
    void base64IsLittleEndianFloat32() {
        EmbeddingRequest request = request("{\"model\":\"m\",\"input\":[\"a\"],\"encoding_format\":\"base64\"}");
        List<CohereEmbedRequest> calls = CohereEmbedMapper.toCohere(offlineEndpoint(), request);

        EmbeddingResponse response = CohereEmbedMapper.toOpenAi(offlineEndpoint(), request, calls, List.of(answer(
                "{\"embeddings\":{\"float\":[[0.5,-1.25]]},\"meta\":{\"billed_units\":{\"input_tokens\":1}}}")));

        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(response.data().getFirst().embedding()
                .asString())).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(bytes.remaining()).isEqualTo(8);
        assertThat(bytes.getFloat()).isEqualTo(0.5f);
        assertThat(bytes.getFloat()).isEqualTo(-1.25f);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "token arrays | \"input\":[[1,2,3]] | UNSUPPORTED | input",
            "empty input | \"input\":[] | INVALID_REQUEST | input",
            "unknown encoding | \"input\":\"a\",\"encoding_format\":\"int8\" | INVALID_REQUEST | encoding_format"})
    void inputsCohereCannotEmbedAreA400(String name, String fields, ErrorType type, String param) {
        ProviderException error = catchThrowableOfType(ProviderException.class,
                () -> CohereEmbedMapper.toCohere(offlineEndpoint(), request("{\"model\":\"m\"," + fields + "}")));

        assertThat(error.type()).isEqualTo(type);
        assertThat(error.param()).isEqualTo(param);
        assertThat(error.status()).isEqualTo(400);
    }

    @Test
    void anAnswerWithTheWrongNumberOfVectorsIsMalformed() {
        EmbeddingRequest request = request("{\"model\":\"m\",\"input\":[\"a\",\"b\"]}");
        List<CohereEmbedRequest> calls = CohereEmbedMapper.toCohere(offlineEndpoint(), request);

        ProviderException error = catchThrowableOfType(ProviderException.class,
                () -> CohereEmbedMapper.toOpenAi(offlineEndpoint(), request, calls,
                        List.of(answer(embedAnswer(0, 1, 1)))));

        assertThat(error.type()).isEqualTo(ErrorType.MALFORMED_RESPONSE);
    }

    static String texts(int count) {
        return "{\"model\":\"embed-v4.0\",\"input\":["
                + IntStream.range(0, count).mapToObj(i -> "\"t" + i + "\"").collect(Collectors.joining(",")) + "]}";
    }

    private static EmbeddingRequest request(String json) {
        return WireJson.mapper().readValue(json, EmbeddingRequest.class);
    }

    private static CohereEmbedResponse answer(String json) {
        return WireJson.mapper().readValue(json, CohereEmbedResponse.class);
    }
}
