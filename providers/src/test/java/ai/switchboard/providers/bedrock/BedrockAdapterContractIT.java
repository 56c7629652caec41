package ai.switchboard.providers.bedrock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ChatChoice;
import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderAdapter;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ResponseFormat;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.providers.testsupport.TestEndpoints;
import ai.switchboard.providers.testsupport.kit.Feature;
import ai.switchboard.providers.testsupport.kit.KitRequests;
import ai.switchboard.providers.testsupport.kit.ProviderAdapterContractKit;
import ai.switchboard.providers.testsupport.kit.SentRequest;
import ai.switchboard.providers.testsupport.kit.StatusRow;
import ai.switchboard.providers.testsupport.kit.StatusTable;
import ai.switchboard.providers.testsupport.kit.StreamTranscript;
import ai.switchboard.providers.testsupport.kit.StreamedAnswer;
import ai.switchboard.providers.testsupport.kit.UpstreamFinish;
import ai.switchboard.providers.testsupport.kit.UpstreamReply;
import ai.switchboard.providers.testsupport.kit.UpstreamToolCall;
import ai.switchboard.providers.testsupport.kit.UpstreamUsage;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * The Bedrock adapter against the contract kit, with native Converse bodies and binary ConverseStream transcripts
 * rendered by {@link BedrockWireFixture}, authenticated with a Bedrock API key ({@link BedrockSigV4ContractIT}
 * runs the same kit signed with SigV4). Converse takes images only inline, so https image URLs must be refused;
 * both JSON modes are emulated with a forced tool whose input schema is the requested one. Bedrock adds two
 * statuses to the defaults: 408 {@code ModelTimeoutException} and 424 {@code ModelErrorException}.
 */
class BedrockAdapterContractIT extends ProviderAdapterContractKit {

    static final String MODEL = BedrockTestEndpoints.MODEL;
    static final String MODEL_PATH = BedrockTestEndpoints.MODEL_PATH;

    /**
     * What Bedrock really answers to an emulated JSON mode: a call of the forced tool (stop reason {@code tool_use}),
     * whose input must reach the client as the message content with finish reason {@code stop}, streamed or not.
     */
    @Test
    void jsonSchemaAnswerArrivesAsTheForcedToolsInput() {
        List<String> fragments = List.of("{\"answer\":", "42}");
        UpstreamReply forced = UpstreamReply.tools(new UpstreamUsage(20, 6, 0), List.of(),
                new UpstreamToolCall("tooluse_json_1", KitRequests.SCHEMA_NAME, fragments));
        stubChat(forced);

        ChatChoice choice = chat(KitRequests.jsonSchema(MODEL)).choices().getFirst();

        assertThat(choice.message().text()).isEqualTo("{\"answer\":42}");
        assertThat(choice.message().toolCalls()).isNullOrEmpty();
        assertThat(choice.finishReason()).isEqualTo("stop");

        upstream().resetAll();
        stubStream(forced);
        StreamedAnswer answer = stream(KitRequests.jsonSchema(MODEL));

        assertThat(answer.text()).isEqualTo(String.join("", fragments));
        assertThat(answer.toolIndexes()).isEmpty();
        assertThat(answer.finishReasons()).containsExactly("stop");
    }

    /** Network reads split event-stream frames anywhere; the answer must come out the same. */
    @Test
    void streamArrivingInSmallReadsReassembles() {
        StreamTranscript transcript = streamTranscript(UpstreamReply.tools(new UpstreamUsage(20, 6, 0),
                List.of("Checking."), new UpstreamToolCall("tooluse_1", KitRequests.TOOL_NAME,
                        List.of("{\"city\":", "\"Paris\"}"))));
        upstream().stubFor(chatCall(true).willReturn(streamResponse(transcript.contentType(), transcript.body())
                .withChunkedDribbleDelay(transcript.body().length / 7, 300)));

        StreamedAnswer answer = stream(KitRequests.withTools(MODEL));

        assertThat(answer.text()).isEqualTo("Checking.");
        assertThat(answer.arguments(0)).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(answer.finishReasons()).containsExactly("tool_calls");
    }

    /**
     * The kit cuts streams between frames; a connection can also drop inside one. The partial frame is never
     * decoded, and the stream is interrupted, not complete and not corrupt.
     */
    @Test
    void streamCutInsideAFrameIsInterrupted() {
        StreamTranscript transcript = streamTranscript(
                UpstreamReply.text(UpstreamFinish.STOP, new UpstreamUsage(9, 4, 0), "Once", " upon", " a", " time"));
        int wholeFrames = transcript.frames().size() / 2;
        int cut = transcript.frames().subList(0, wholeFrames).stream().mapToInt(frame -> frame.length).sum()
                + transcript.frames().get(wholeFrames).length / 2;
        upstream().stubFor(chatCall(true).willReturn(streamResponse(transcript.contentType(),
                Arrays.copyOf(transcript.body(), cut))));
        List<ChatChunk> received = new ArrayList<>();

        Flux<ChatChunk> stream = adapter().streamChat(defaultEndpoint(),
                KitRequests.streamed(KitRequests.plain(MODEL))).doOnNext(received::add);

        assertThat(failure(stream.then()).type()).isEqualTo(ErrorType.STREAM_INTERRUPTED);
        assertThat(StreamedAnswer.of(received).finishReasons()).as("no finish before the cut").isEmpty();
        assertThat(StreamedAnswer.of(received).text()).as("text of the whole frames").isEqualTo("Once upon a");
    }

    @Override
    protected ProviderAdapter createAdapter(ProviderHttpClients clients) {
        return new BedrockAdapter(clients, BedrockTestEndpoints.CLOCK);
    }

    @Override
    protected ProviderEndpoint endpoint(String name, String stubBaseUrl, Duration responseTimeout) {
        // The kit's key, which its failure scenarios make the upstream echo, so that a leak would show.
        return new ProviderEndpoint(name, BedrockAdapter.TYPE, URI.create(stubBaseUrl), TestEndpoints.API_KEY,
                Map.of(), Duration.ofSeconds(2), responseTimeout, Map.of("auth", "bearer"), 1);
    }

    @Override
    protected String model() {
        return MODEL;
    }

    @Override
    protected Set<Feature> features() {
        return EnumSet.of(Feature.IMAGE_DATA_URL, Feature.JSON_OBJECT, Feature.JSON_SCHEMA);
    }

    @Override
    protected StatusTable statusTable() {
        return StatusTable.defaults()
                .with(StatusRow.of(408, ErrorType.TIMEOUT, 408))
                .with(StatusRow.of(424, ErrorType.UPSTREAM_SERVER_ERROR, 502));
    }

    @Override
    protected MappingBuilder chatCall(boolean stream) {
        return post(urlPathEqualTo(MODEL_PATH + (stream ? "/converse-stream" : "/converse")));
    }

    @Override
    protected ResponseDefinitionBuilder chatResponse(UpstreamReply reply) {
        return okForContentType("application/json", BedrockWireFixture.converseBody(reply))
                .withHeader(BedrockWireFixture.REQUEST_ID_HEADER, BedrockWireFixture.REQUEST_ID);
    }

    @Override
    protected StreamTranscript streamTranscript(UpstreamReply reply) {
        return BedrockWireFixture.transcript(reply);
    }

    @Override
    protected ResponseDefinitionBuilder errorResponse(int status, String message) {
        ResponseDefinitionBuilder response = aResponse().withHeader("Content-Type", "application/json")
                .withHeader(BedrockWireFixture.REQUEST_ID_HEADER, BedrockWireFixture.REQUEST_ID)
                .withBody(BedrockWireFixture.errorBody(message));
        String kind = BedrockWireFixture.errorType(status);
        return kind == null ? response : response.withHeader(BedrockWireFixture.ERROR_TYPE_HEADER, kind);
    }

    @Override
    protected void verifyPlainChat(SentRequest sent, boolean stream) {
        // Raw, as sent: the model id's colon must travel percent-encoded (SentRequest.path() decodes it).
        assertThat(URI.create(sent.logged().getUrl()).getRawPath())
                .isEqualTo(MODEL_PATH + (stream ? "/converse-stream" : "/converse"));
        verifyCredential(sent);
        assertThat(sent.header("Accept"))
                .isEqualTo(stream ? BedrockWireFixture.EVENT_STREAM : "application/json");
        JsonNode body = sent.json();
        // The model is in the path; Converse has no stream flag or stream options in the body.
        assertThat(body.has("model")).isFalse();
        assertThat(body.has("stream")).isFalse();
        assertThat(body.has("stream_options")).isFalse();
        assertThat(body.at("/messages/0/role").asString()).isEqualTo("user");
        assertThat(body.at("/messages/0/content/0/text").asString()).isEqualTo(KitRequests.USER_TEXT);
        assertThat(body.path("messages").size()).isEqualTo(1);
    }

    /** The bearer run's credential; the SigV4 run checks the signature instead. */
    protected void verifyCredential(SentRequest sent) {
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + TestEndpoints.API_KEY);
        assertThat(sent.header("X-Amz-Date")).isNull();
    }

    @Override
    protected void verifySystemPrompt(SentRequest sent) {
        JsonNode body = sent.json();
        assertThat(body.at("/system/0/text").asString()).isEqualTo(KitRequests.SYSTEM_TEXT);
        assertThat(body.path("messages").valueStream().map(message -> message.path("role").asString()))
                .containsExactly("user");
    }

    @Override
    protected void verifyMultiTurn(SentRequest sent) {
        JsonNode messages = sent.json().path("messages");
        assertThat(messages.valueStream().map(message -> message.path("role").asString()))
                .containsExactly("user", "assistant", "user");
        assertThat(messages.valueStream().map(message -> message.at("/content/0/text").asString()))
                .containsExactlyElementsOf(KitRequests.TURNS);
    }

    @Override
    protected void verifyToolsOffered(SentRequest sent) {
        JsonNode toolConfig = sent.json().path("toolConfig");
        JsonNode tools = toolConfig.path("tools");
        assertThat(tools.valueStream().map(tool -> tool.at("/toolSpec/name").asString()))
                .containsExactly(KitRequests.TOOL_NAME, KitRequests.SECOND_TOOL_NAME);
        JsonNode offered = WireJson.mapper().valueToTree(KitRequests.withTools(MODEL).tools());
        for (int i = 0; i < offered.size(); i++) {
            assertThat(tools.at("/" + i + "/toolSpec/description"))
                    .isEqualTo(offered.at("/" + i + "/function/description"));
            assertThat(tools.at("/" + i + "/toolSpec/inputSchema/json"))
                    .isEqualTo(offered.at("/" + i + "/function/parameters"));
        }
        assertThat(toolConfig.path("toolChoice")).isEqualTo(WireJson.mapper().readTree("{\"auto\":{}}"));
    }

    @Override
    protected void verifyToolResult(SentRequest sent) {
        BedrockWireFixture.assertToolResultSent(sent.json(), KitRequests.TOOL_CALL_ID, KitRequests.TOOL_RESULT);
        JsonNode call = sent.json().at("/messages/1/content/0/toolUse");
        assertThat(call.path("name").asString()).isEqualTo(KitRequests.TOOL_NAME);
        assertThat(call.path("input")).isEqualTo(WireJson.mapper().readTree(KitRequests.TOOL_ARGUMENTS));
    }

    @Override
    protected void verifyImage(SentRequest sent, String url) {
        JsonNode content = sent.json().at("/messages/0/content");
        assertThat(content.at("/0/text").asString()).isEqualTo("What is in this image?");
        assertThat(content.at("/1/image/format").asString()).isEqualTo("png");
        assertThat(content.at("/1/image/source/bytes").asString()).isEqualTo(url.substring(url.indexOf(',') + 1));
    }

    @Override
    protected void verifyJsonMode(SentRequest sent, ResponseFormat format) {
        JsonNode toolConfig = sent.json().path("toolConfig");
        assertThat(toolConfig.path("tools").size()).as("only the tool that carries the answer").isEqualTo(1);
        JsonNode spec = toolConfig.at("/tools/0/toolSpec");
        String name = spec.path("name").asString();
        assertThat(toolConfig.at("/toolChoice/tool/name").asString()).as("the answer's tool is forced").isEqualTo(name);
        if (format.jsonSchema() != null) {
            assertThat(name).isEqualTo(KitRequests.SCHEMA_NAME);
            assertThat(spec.at("/inputSchema/json")).isEqualTo(format.jsonSchema().get("schema"));
        }
        else {
            assertThat(spec.at("/inputSchema/json/type").asString()).isEqualTo("object");
        }
        assertThat(sent.json().has("response_format")).isFalse();
    }

    @Override
    protected void verifyStopSequence(SentRequest sent) {
        assertThat(sent.json().at("/inferenceConfig/stopSequences").valueStream().map(JsonNode::asString))
                .containsExactly(KitRequests.STOP_SEQUENCE);
    }

    @Override
    protected void verifyMaxTokens(SentRequest sent) {
        assertThat(sent.json().at("/inferenceConfig/maxTokens").asInt()).isEqualTo(KitRequests.MAX_TOKENS);
    }
}
