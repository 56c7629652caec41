package ai.switchboard.providers.bedrock;

import static ai.switchboard.providers.bedrock.BedrockFixtures.encode;
import static ai.switchboard.providers.bedrock.BedrockFixtures.resource;
import static ai.switchboard.providers.bedrock.BedrockFixtures.simpleRequest;
import static ai.switchboard.providers.bedrock.BedrockFixtures.transcript;
import static ai.switchboard.providers.bedrock.BedrockTestEndpoints.MODEL;
import static ai.switchboard.providers.bedrock.BedrockTestEndpoints.MODEL_PATH;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.providers.api.EmbeddingResponse;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.json.WireJson;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class BedrockAdapterIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SIGV4 = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240115/%s/bedrock/aws4_request, "
            + "SignedHeaders=[a-z0-9;-]*content-type;host;[a-z0-9;-]*x-amz-date[a-z0-9;-]*, Signature=[0-9a-f]{64}";
    private static WireMockServer upstream;
    private static ProviderHttpClients clients;
    private static BedrockAdapter adapter;
    private static ProviderEndpoint endpoint;

    @BeforeAll
    static void start() {
        upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
        clients = new ProviderHttpClients();
        adapter = new BedrockAdapter(clients, BedrockTestEndpoints.CLOCK);
        endpoint = BedrockTestEndpoints.sigV4("bedrock-it", upstream.baseUrl(), Duration.ofSeconds(5));
    }

    @AfterEach
    void reset() {
        upstream.resetAll();
    }

    @AfterAll
    static void stop() {
        clients.close();
        upstream.stop();
    }

    @Test
    void converseSendsTheMappedBodySignedWithSigV4AndMapsTheAnswer() throws Exception {
        upstream.stubFor(post(urlPathEqualTo(MODEL_PATH + "/converse")).willReturn(okJson(resource("converse-tool-use.json"))));

        ChatResponse response = adapter.chat(endpoint, simpleRequest(MODEL, false)).block(WAIT);

        assertThat(response.choices().getFirst().message().toolCalls().getFirst().function().arguments())
                .isEqualTo("{\"city\":\"Paris\",\"days\":2}");
        assertThat(response.choices().getFirst().finishReason()).isEqualTo("tool_calls");
        assertThat(response.created()).isEqualTo(BedrockTestEndpoints.CLOCK.instant().getEpochSecond());
        upstream.verify(postRequestedFor(urlPathEqualTo(MODEL_PATH + "/converse"))
                .withHeader("Authorization", matching(SIGV4.formatted("us-east-1")))
                .withHeader("X-Amz-Date", equalTo("20240115T100000Z"))
                .withHeader("X-Amz-Security-Token", absent())
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}]}")));
        // The signature covers the bytes that were sent, not a re-serialization of them.
        LoggedRequest sent = upstream.findAll(postRequestedFor(urlPathEqualTo(MODEL_PATH + "/converse"))).getFirst();
        assertThat(sent.getHeader("X-Amz-Content-Sha256")).isEqualTo(sha256(sent.getBody()));
    }

    private static String sha256(byte[] body) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    }

    @Test
    void temporaryCredentialsSendTheSessionToken() {
        ProviderEndpoint session = BedrockTestEndpoints.sigV4Session("bedrock-it-session", upstream.baseUrl());
        upstream.stubFor(post(urlPathEqualTo(MODEL_PATH + "/converse")).willReturn(okJson(resource("converse-text.json"))));

        StepVerifier.create(adapter.chat(session, simpleRequest(MODEL, false))).expectNextCount(1).verifyComplete();

        upstream.verify(postRequestedFor(urlPathEqualTo(MODEL_PATH + "/converse"))
                .withHeader("Authorization", matching(SIGV4.formatted("eu-west-3")))
                .withHeader("X-Amz-Security-Token", equalTo(BedrockTestEndpoints.SESSION_TOKEN)));
    }

    @Test
    void bearerModeSendsTheApiKeyUnsigned() {
        ProviderEndpoint bearer = BedrockTestEndpoints.bearer("bedrock-it-bearer", upstream.baseUrl());
        upstream.stubFor(post(urlPathEqualTo(MODEL_PATH + "/converse")).willReturn(okJson(resource("converse-text.json"))));

        ChatResponse response = adapter.chat(bearer, simpleRequest(MODEL, false)).block(WAIT);

        assertThat(response.choices().getFirst().message().text()).isEqualTo("Hello there.");
        upstream.verify(postRequestedFor(urlPathEqualTo(MODEL_PATH + "/converse"))
                .withHeader("Authorization", equalTo("Bearer " + BedrockTestEndpoints.API_KEY))
                .withHeader("X-Amz-Date", absent()));
    }

    @Test
    void converseStreamTranslatesBinaryFramesWithToolCalls() {
        upstream.stubFor(post(urlPathEqualTo(MODEL_PATH + "/converse-stream")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/vnd.amazon.eventstream")
                .withBody(encode(transcript("stream-text-and-two-tools.tsv")))));

        List<ChatChunk> chunks = adapter.streamChat(endpoint, simpleRequest(MODEL, true)).collectList().block(WAIT);

        StringBuilder weather = new StringBuilder();
        StringBuilder time = new StringBuilder();
        for (ChatChunk chunk : chunks) {
            if (!chunk.choices().isEmpty() && chunk.choices().getFirst().delta().toolCalls() != null) {
                var call = chunk.choices().getFirst().delta().toolCalls().getFirst();
                (call.index() == 0 ? weather : time).append(call.function().arguments());
            }
        }
        assertThat(weather).hasToString("{\"city\":\"Paris\"}");
        assertThat(time).hasToString("{\"zone\": \"CET\" }");
        assertThat(chunks.getFirst().choices().getFirst().delta().role()).isEqualTo("assistant");
        assertThat(chunks.getLast().usage().promptTokens()).isEqualTo(450);
        assertThat(chunks).extracting(ChatChunk::id).containsOnly(chunks.getFirst().id());
        upstream.verify(postRequestedFor(urlPathEqualTo(MODEL_PATH + "/converse-stream"))
                .withHeader("Accept", equalTo("application/vnd.amazon.eventstream"))
                .withHeader("Authorization", matching(SIGV4.formatted("us-east-1"))));
    }

    @Test
    void titanEmbeddingsCallOncePerInputInOrder() {
        String path = "/model/amazon.titan-embed-text-v2%3A0/invoke";
        upstream.stubFor(post(urlPathEqualTo(path)).withRequestBody(equalToJson("{\"inputText\":\"a\",\"normalize\":true}"))
                .willReturn(okJson("{\"embedding\":[0.1,0.2],\"inputTextTokenCount\":1}").withFixedDelay(200)));
        upstream.stubFor(post(urlPathEqualTo(path)).withRequestBody(equalToJson("{\"inputText\":\"bb\",\"normalize\":true}"))
                .willReturn(okJson("{\"embedding\":[0.3,0.4],\"inputTextTokenCount\":2}")));
        EmbeddingRequest request = WireJson.mapper().readValue(
                "{\"model\":\"amazon.titan-embed-text-v2:0\",\"input\":[\"a\",\"bb\"]}", EmbeddingRequest.class);

        EmbeddingResponse response = adapter.embed(endpoint, request).block(WAIT);

        assertThat(response.data()).extracting(embedding -> embedding.embedding().toString())
                .containsExactly("[0.1,0.2]", "[0.3,0.4]");
        assertThat(response.data()).extracting(EmbeddingResponse.Embedding::index).containsExactly(0, 1);
        assertThat(response.usage().promptTokens()).isEqualTo(3);
    }
}
