package ai.switchboard.providers.anthropic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.anthropic.internal.mapper.AnthropicRequestMapper;
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
 * The Anthropic adapter against the contract kit, with native Messages bodies and {@code event:}/{@code data:}
 * transcripts rendered by {@link AnthropicWireFixture}. Anthropic has no {@code json_object} mode, so the kit
 * expects a refusal for it; its statuses differ from the defaults in 402 ({@code billing_error}) and 529
 * ({@code overloaded_error}, which OpenAI clients know as 503).
 */
class AnthropicAdapterContractIT extends ProviderAdapterContractKit {

    private static final String MODEL = "claude-sonnet-4-5";
    private static final String MESSAGES_PATH = "/v1/messages";

    @Override
    protected ProviderAdapter createAdapter(ProviderHttpClients clients) {
        return new AnthropicAdapter(clients);
    }

    @Override
    protected ProviderEndpoint endpoint(String name, String stubBaseUrl, Duration responseTimeout) {
        // The registry stores the API root; the adapter adds /v1/messages.
        return new ProviderEndpoint(name, AnthropicAdapter.TYPE, URI.create(stubBaseUrl), TestEndpoints.API_KEY,
                Map.of(), Duration.ofSeconds(2), responseTimeout, Map.of(), 1);
    }

    @Override
    protected String model() {
        return MODEL;
    }

    @Override
    protected Set<Feature> features() {
        return EnumSet.of(Feature.IMAGE_DATA_URL, Feature.IMAGE_HTTPS_URL, Feature.JSON_SCHEMA);
    }

    @Override
    protected StatusTable statusTable() {
        return StatusTable.defaults()
                .with(StatusRow.of(402, ErrorType.UPSTREAM_CLIENT_ERROR, 402))
                .with(StatusRow.of(529, ErrorType.UPSTREAM_UNAVAILABLE, 503));
    }

    @Override
    protected MappingBuilder chatCall(boolean stream) {
        MappingBuilder call = post(urlPathEqualTo(MESSAGES_PATH))
                .withHeader("anthropic-version", equalTo(AnthropicWireFixture.VERSION));
        return stream ? call.withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                : call.withRequestBody(notContaining("\"stream\""));
    }

    @Override
    protected ResponseDefinitionBuilder chatResponse(UpstreamReply reply) {
        return okForContentType("application/json", AnthropicWireFixture.messageBody(reply, MODEL))
                .withHeader("request-id", "req_011CKIT");
    }

    @Override
    protected StreamTranscript streamTranscript(UpstreamReply reply) {
        return AnthropicWireFixture.transcript(reply, MODEL);
    }

    @Override
    protected ResponseDefinitionBuilder errorResponse(int status, String message) {
        return aResponse().withHeader("Content-Type", "application/json")
                .withBody(AnthropicWireFixture.errorBody(status, message));
    }

    @Override
    protected void verifyPlainChat(SentRequest sent, boolean stream) {
        assertThat(sent.path()).isEqualTo(MESSAGES_PATH);
        assertThat(sent.header("x-api-key")).isEqualTo(TestEndpoints.API_KEY);
        assertThat(sent.header("anthropic-version")).isEqualTo(AnthropicWireFixture.VERSION);
        assertThat(sent.header("Authorization")).isNull();
        JsonNode body = sent.json();
        assertThat(body.path("model").asString()).isEqualTo(MODEL);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(AnthropicRequestMapper.DEFAULT_MAX_TOKENS);
        assertThat(body.at("/messages/0/role").asString()).isEqualTo("user");
        assertThat(body.at("/messages/0/content/0/text").asString()).isEqualTo(KitRequests.USER_TEXT);
        // Anthropic always reports usage in a stream and rejects unknown fields such as stream_options.
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
        JsonNode body = sent.json();
        JsonNode tools = body.path("tools");
        assertThat(tools.valueStream().map(tool -> tool.path("name").asString()))
                .containsExactly(KitRequests.TOOL_NAME, KitRequests.SECOND_TOOL_NAME);
        JsonNode offered = WireJson.mapper().valueToTree(KitRequests.withTools(MODEL).tools());
        for (int i = 0; i < offered.size(); i++) {
            assertThat(tools.at("/" + i + "/description")).isEqualTo(offered.at("/" + i + "/function/description"));
            assertThat(tools.at("/" + i + "/input_schema")).isEqualTo(offered.at("/" + i + "/function/parameters"));
        }
        assertThat(body.at("/tool_choice/type").asString()).isEqualTo("auto");
    }

    @Override
    protected void verifyToolResult(SentRequest sent) {
        AnthropicWireFixture.assertToolResultSent(sent.json(), KitRequests.TOOL_CALL_ID, KitRequests.TOOL_RESULT);
        JsonNode call = sent.json().at("/messages/1/content/0");
        assertThat(call.path("name").asString()).isEqualTo(KitRequests.TOOL_NAME);
        assertThat(call.path("input")).isEqualTo(WireJson.mapper().readTree(KitRequests.TOOL_ARGUMENTS));
    }

    @Override
    protected void verifyImage(SentRequest sent, String url) {
        JsonNode image = sent.json().at("/messages/0/content/1");
        assertThat(image.path("type").asString()).isEqualTo("image");
        JsonNode source = image.path("source");
        if (url.startsWith("data:")) {
            assertThat(source.path("type").asString()).isEqualTo("base64");
            assertThat(source.path("media_type").asString()).isEqualTo("image/png");
            assertThat(source.path("data").asString()).isEqualTo(url.substring(url.indexOf(',') + 1));
        }
        else {
            assertThat(source.path("type").asString()).isEqualTo("url");
            assertThat(source.path("url").asString()).isEqualTo(url);
        }
    }

    @Override
    protected void verifyJsonMode(SentRequest sent, ResponseFormat format) {
        JsonNode outputFormat = sent.json().at("/output_config/format");
        assertThat(outputFormat.path("type").asString()).isEqualTo("json_schema");
        assertThat(outputFormat.path("schema")).isEqualTo(format.jsonSchema().get("schema"));
        assertThat(sent.json().has("response_format")).isFalse();
    }

    @Override
    protected void verifyStopSequence(SentRequest sent) {
        assertThat(sent.json().path("stop_sequences").valueStream().map(JsonNode::asString))
                .containsExactly(KitRequests.STOP_SEQUENCE);
    }

    @Override
    protected void verifyMaxTokens(SentRequest sent) {
        assertThat(sent.json().path("max_tokens").asInt()).isEqualTo(KitRequests.MAX_TOKENS);
    }
}
