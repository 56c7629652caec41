package ai.switchboard.providers.cohere;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

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
import ai.switchboard.providers.testsupport.kit.UpstreamReply;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The Cohere adapter against the contract kit, with native v2 chat bodies and typed-event transcripts rendered by
 * {@link CohereWireFixture}. Cohere takes images as data or https URLs and both JSON modes (a schema rides on
 * {@code json_object}). Its statuses differ from the defaults in 498 {@code InvalidToken} (a bad key: 401), 499
 * {@code ClientClosedRequest} (Cohere saw the connection drop while the gateway still waited: a transient upstream
 * fault, 502) and 422 (an invalid request Cohere could parse, passed on as the client's error).
 */
class CohereAdapterContractIT extends ProviderAdapterContractKit {

    private static final String MODEL = "command-a-03-2025";
    private static final String CHAT_PATH = "/v2/chat";

    @Override
    protected ProviderAdapter createAdapter(ProviderHttpClients clients) {
        return new CohereAdapter(clients);
    }

    @Override
    protected ProviderEndpoint endpoint(String name, String stubBaseUrl, Duration responseTimeout) {
        // The registry stores the API root; the adapter adds /v2/chat.
        return new ProviderEndpoint(name, CohereAdapter.TYPE, URI.create(stubBaseUrl), TestEndpoints.API_KEY,
                Map.of(), Duration.ofSeconds(2), responseTimeout, Map.of(), 1);
    }

    @Override
    protected String model() {
        return MODEL;
    }

    @Override
    protected Set<Feature> features() {
        return EnumSet.allOf(Feature.class);
    }

    @Override
    protected StatusTable statusTable() {
        return StatusTable.defaults()
                .with(StatusRow.of(422, ErrorType.UPSTREAM_CLIENT_ERROR, 422))
                .with(StatusRow.of(498, ErrorType.AUTHENTICATION, 401))
                .with(StatusRow.of(499, ErrorType.UPSTREAM_SERVER_ERROR, 502));
    }

    @Override
    protected MappingBuilder chatCall(boolean stream) {
        MappingBuilder call = post(urlPathEqualTo(CHAT_PATH));
        return stream ? call.withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                : call.withRequestBody(notContaining("\"stream\""));
    }

    @Override
    protected ResponseDefinitionBuilder chatResponse(UpstreamReply reply) {
        return okForContentType("application/json", CohereWireFixture.chatBody(reply));
    }

    @Override
    protected StreamTranscript streamTranscript(UpstreamReply reply) {
        return CohereWireFixture.transcript(reply);
    }

    @Override
    protected ResponseDefinitionBuilder errorResponse(int status, String message) {
        return aResponse().withHeader("Content-Type", "application/json")
                .withBody(CohereWireFixture.errorBody(message));
    }

    @Override
    protected void verifyPlainChat(SentRequest sent, boolean stream) {
        assertThat(sent.path()).isEqualTo(CHAT_PATH);
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + TestEndpoints.API_KEY);
        JsonNode body = sent.json();
        assertThat(body.path("model").asString()).isEqualTo(MODEL);
        assertThat(body.at("/messages/0/role").asString()).isEqualTo("user");
        assertThat(body.at("/messages/0/content").asString()).isEqualTo(KitRequests.USER_TEXT);
        // Cohere always reports usage on message-end; stream_options is an OpenAI field it does not know.
        assertThat(body.has("stream_options")).isFalse();
        if (stream) {
            assertThat(body.path("stream").asBoolean()).isTrue();
        }
        else {
            assertThat(body.has("stream")).isFalse();
        }
    }

    @Override
    protected void verifySystemPrompt(SentRequest sent) {
        JsonNode messages = sent.json().path("messages");
        assertThat(messages.valueStream().map(message -> message.path("role").asString()))
                .containsExactly("system", "user");
        assertThat(messages.at("/0/content").asString()).isEqualTo(KitRequests.SYSTEM_TEXT);
    }

    @Override
    protected void verifyMultiTurn(SentRequest sent) {
        JsonNode messages = sent.json().path("messages");
        assertThat(messages.valueStream().map(message -> message.path("role").asString()))
                .containsExactly("user", "assistant", "user");
        assertThat(messages.valueStream().map(message -> message.path("content").asString()))
                .containsExactlyElementsOf(KitRequests.TURNS);
    }

    @Override
    protected void verifyToolsOffered(SentRequest sent) {
        JsonNode body = sent.json();
        // Cohere's tool definitions have OpenAI's shape.
        assertThat(body.path("tools")).isEqualTo(WireJson.mapper().valueToTree(KitRequests.withTools(MODEL).tools()));
        assertThat(body.has("tool_choice")).as("auto is Cohere's default and has no value of its own").isFalse();
    }

    @Override
    protected void verifyToolResult(SentRequest sent) {
        CohereWireFixture.assertToolResultSent(sent.json(), KitRequests.TOOL_CALL_ID, KitRequests.TOOL_RESULT);
        JsonNode call = sent.json().at("/messages/1/tool_calls/0/function");
        assertThat(call.path("name").asString()).isEqualTo(KitRequests.TOOL_NAME);
        assertThat(call.path("arguments").asString()).isEqualTo(KitRequests.TOOL_ARGUMENTS);
    }

    @Override
    protected void verifyImage(SentRequest sent, String url) {
        JsonNode parts = sent.json().at("/messages/0/content");
        assertThat(parts.at("/0/type").asString()).isEqualTo("text");
        assertThat(parts.at("/1/type").asString()).isEqualTo("image_url");
        assertThat(parts.at("/1/image_url/url").asString()).isEqualTo(url);
    }

    @Override
    protected void verifyJsonMode(SentRequest sent, ResponseFormat format) {
        JsonNode responseFormat = sent.json().path("response_format");
        assertThat(responseFormat.path("type").asString()).isEqualTo("json_object");
        if (ResponseFormat.JSON_SCHEMA.equals(format.type())) {
            assertThat(responseFormat.path("json_schema")).isEqualTo(format.jsonSchema().get("schema"));
        }
        else {
            assertThat(responseFormat.has("json_schema")).isFalse();
        }
    }

    @Override
    protected void verifyStopSequence(SentRequest sent) {
        assertThat(sent.json().path("stop_sequences").valueStream().map(JsonNode::asString))
                .containsExactly(KitRequests.STOP_SEQUENCE);
        assertThat(sent.json().has("stop")).isFalse();
    }

    @Override
    protected void verifyMaxTokens(SentRequest sent) {
        assertThat(sent.json().path("max_tokens").asInt()).isEqualTo(KitRequests.MAX_TOKENS);
    }
}
